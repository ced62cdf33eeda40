# CTest server/contract_openapi: installs the pinned contract tools (npm ci, cached by the lock
# file's hash) into TOOLS_DIR and runs validate.mjs over server/openapi.yaml, the server's route
# list and the responses tst_openapicontract recorded. Never passes silently: without node/npm or
# without the npm registry, it fails and says why.
#
#   cmake -DSOURCE_DIR=<repo> -DTOOLS_DIR=<build>/contract-tools -DSERVER=<storekeep-server>
#         -DRESPONSES=<build>/contract/responses.jsonl -P run_contract.cmake
foreach(var SOURCE_DIR TOOLS_DIR SERVER RESPONSES)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "run_contract.cmake: -D${var}=... is required")
    endif()
endforeach()

set(contract_src "${SOURCE_DIR}/tests/server/contract")
find_program(NODE_EXE NAMES node nodejs)
find_program(NPM_EXE NAMES npm)
if(NOT NODE_EXE OR NOT NPM_EXE)
    message(FATAL_ERROR "contract test: node and npm are required (scripts/lib/deps.sh installs nodejs and npm); "
                        "found node='${NODE_EXE}' npm='${NPM_EXE}'")
endif()
if(NOT EXISTS "${RESPONSES}")
    message(FATAL_ERROR "contract test: ${RESPONSES} is missing: server/tst_openapicontract must run first "
                        "(ctest runs it as this test's fixture)")
endif()

# Copy the tool sources next to their node_modules, so ESM imports resolve there.
file(MAKE_DIRECTORY "${TOOLS_DIR}")
foreach(f package.json package-lock.json validate.mjs)
    configure_file("${contract_src}/${f}" "${TOOLS_DIR}/${f}" COPYONLY)
endforeach()

execute_process(COMMAND "${NODE_EXE}" --version OUTPUT_VARIABLE node_version OUTPUT_STRIP_TRAILING_WHITESPACE)
file(SHA256 "${contract_src}/package-lock.json" lock_hash)
set(stamp_file "${TOOLS_DIR}/node_modules/.storekeep-stamp")
set(stamp "${lock_hash} ${node_version}")
set(have "")
if(EXISTS "${stamp_file}")
    file(READ "${stamp_file}" have)
endif()
if(NOT have STREQUAL stamp)
    message(STATUS "contract test: npm ci --prefix ${TOOLS_DIR}")
    execute_process(
        COMMAND "${NPM_EXE}" ci --prefix "${TOOLS_DIR}" --no-audit --no-fund --fetch-retries=2 --fetch-timeout=30000
                --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=10000
        RESULT_VARIABLE npm_result
        OUTPUT_VARIABLE npm_out
        ERROR_VARIABLE npm_err
        TIMEOUT 480)
    if(NOT npm_result EQUAL 0)
        message(FATAL_ERROR "contract test: `npm ci` could not install the pinned contract tools from "
                            "tests/server/contract/package-lock.json (is the npm registry reachable?). "
                            "This test does not pass without them.\n${npm_out}\n${npm_err}")
    endif()
    file(WRITE "${stamp_file}" "${stamp}")
endif()

execute_process(
    COMMAND "${NODE_EXE}" "${TOOLS_DIR}/validate.mjs"
        --spec "${SOURCE_DIR}/server/openapi.yaml"
        --server "${SERVER}"
        --responses "${RESPONSES}"
        --coverage
        --require-status-coverage
    RESULT_VARIABLE validate_result)
if(NOT validate_result EQUAL 0)
    message(FATAL_ERROR "contract test: server/openapi.yaml and the server disagree (see above)")
endif()
