// ringleader/ringleader.hpp - umbrella header.
#pragma once

#include "ringleader/core/error.hpp"
#include "ringleader/core/text.hpp"
#include "ringleader/graph/bgl.hpp"
#include "ringleader/graph/builder.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/types.hpp"
#include "ringleader/io/csv.hpp"
#include "ringleader/io/edgelist.hpp"
#include "ringleader/io/gexf.hpp"
#include "ringleader/io/graphml.hpp"
#include "ringleader/io/matrix.hpp"
#include "ringleader/io/pajek.hpp"
#include "ringleader/io/source.hpp"
#include "ringleader/io/ucinet.hpp"
#include "ringleader/version.hpp"
