// ringleader/version.hpp - the library's version, as a macro for the
// preprocessor and as ringleader::version.
#pragma once
#define RINGLEADER_VERSION "0.1.0"
namespace ringleader {
inline constexpr const char* version = RINGLEADER_VERSION;
}
