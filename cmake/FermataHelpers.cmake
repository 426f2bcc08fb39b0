# Shared build settings: one INTERFACE target carries warnings and Qt string-safety
# defines, so every Fermata target opts in by linking it (no directory-wide flags).
add_library(fermata_build_settings INTERFACE)
add_library(Fermata::BuildSettings ALIAS fermata_build_settings)
target_compile_options(fermata_build_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wimplicit-fallthrough)
if(FERMATA_WERROR)
    target_compile_options(fermata_build_settings INTERFACE -Werror)
endif()
target_compile_definitions(fermata_build_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_NO_FOREACH)
if(FERMATA_SANITIZE)
    target_compile_options(fermata_build_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(fermata_build_settings INTERFACE -fsanitize=address,undefined)
endif()

# fermata_add_test(NAME SOURCES... [LIBS ...] [GUI] [LABELS ...] [ENVIRONMENT ...])
# One Qt Test executable per unit, registered with ctest. GUI tests run on the
# offscreen platform so they need no display.
function(fermata_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    add_executable(${name} ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
    target_link_libraries(${name} PRIVATE Qt6::Test Fermata::BuildSettings fermata_test_support ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set(env "TZ=UTC" "LC_ALL=C.UTF-8" "QT_QPA_PLATFORM=offscreen"
        "FERMATA_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data" ${ARG_ENVIRONMENT})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}")
endfunction()
