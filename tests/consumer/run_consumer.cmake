# ctest driver: install the built library into WORK_DIR/prefix, then configure,
# build and run the consumer project and the README's C++ examples
# (examples/cpp, on the bundled sample) against it.

# Runs COMMAND; fails the test naming `what` when it fails or, with MATCH,
# when its output does not match.  The output is left in `out`.
function(run what)
  cmake_parse_arguments(R "" "MATCH" "COMMAND" ${ARGN})
  execute_process(COMMAND ${R_COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE output)
  if(rc OR (DEFINED R_MATCH AND NOT output MATCHES "${R_MATCH}"))
    message(FATAL_ERROR "${what} failed (${rc}): ${output}")
  endif()
  set(out "${output}" PARENT_SCOPE)
endfunction()

# Configures and builds the project in `source` against the installed package.
function(build_against_install what source build)
  run("configuring ${what}" COMMAND ${CMAKE_COMMAND} -S ${source} -B ${build}
      -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=${BUILD_TYPE})
  run("building ${what}" COMMAND ${CMAKE_COMMAND} --build ${build})
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
run("cmake --install" COMMAND ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${WORK_DIR}/prefix --component cpp)

build_against_install("the consumer" ${SOURCE_DIR}/tests/consumer ${WORK_DIR}/build)
run("the consumer" COMMAND ${WORK_DIR}/build/consumer)

build_against_install("examples/cpp" ${SOURCE_DIR}/examples/cpp ${WORK_DIR}/examples)
set(sample ${SOURCE_DIR}/examples/sample)
run("examples/cpp/brokers" COMMAND ${WORK_DIR}/examples/brokers ${sample}/edges.csv ${sample}/nodes.csv
    MATCH "^1\\. P")
run("examples/cpp/leaders" COMMAND ${WORK_DIR}/examples/leaders ${sample}/edges.csv ${sample}/nodes.csv
    MATCH "^1\\. P[^\n]* score ")
message(STATUS "examples/cpp/leaders:\n${out}")
run("examples/cpp/summary" COMMAND ${WORK_DIR}/examples/summary ${sample}/edges.csv ${sample}/nodes.csv
    MATCH "person")
message(STATUS "examples/cpp/summary:\n${out}")
