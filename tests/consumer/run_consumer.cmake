# ctest driver: install the built library into WORK_DIR/prefix, then configure,
# build and run the consumer project against it.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${WORK_DIR}/prefix --component cpp
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer -B ${WORK_DIR}/build
                  -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_CXX_COMPILER=${CXX}
                  -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${WORK_DIR}/build/consumer RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "the consumer failed: ${rc}")
endif()

# The README's C++ examples (examples/cpp), built the same way and run on the
# bundled sample.
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/cpp -B ${WORK_DIR}/examples
                  -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_CXX_COMPILER=${CXX}
                  -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring examples/cpp failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/examples RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building examples/cpp failed: ${rc}")
endif()
set(sample ${SOURCE_DIR}/examples/sample)
execute_process(COMMAND ${WORK_DIR}/examples/brokers ${sample}/edges.csv ${sample}/nodes.csv
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(rc OR NOT out MATCHES "^1\\. P")
  message(FATAL_ERROR "examples/cpp/brokers failed (${rc}): ${out}")
endif()
execute_process(COMMAND ${WORK_DIR}/examples/summary ${sample}/edges.csv ${sample}/nodes.csv
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(rc OR NOT out MATCHES "person")
  message(FATAL_ERROR "examples/cpp/summary failed (${rc}): ${out}")
endif()
message(STATUS "examples/cpp/summary:\n${out}")
