# cmake -DLINKS=<file> -P check-core-links.cmake
# Fails when the link closure of fermata_core (written by tests/core/CMakeLists.txt at the end
# of configuring: one line per library, "item<TAB>chain") reaches QtGui or QtWidgets, and
# names the chain of targets that brought it in.
if(NOT LINKS OR NOT EXISTS "${LINKS}")
    message(FATAL_ERROR "No link closure at '${LINKS}': configure the build again (cmake --preset dev).")
endif()
file(STRINGS "${LINKS}" lines)
set(core_seen FALSE)
set(offending)
foreach(line IN LISTS lines)
    string(REPLACE "\t" ";" fields "${line}")
    list(GET fields 0 item)
    list(GET fields 1 chain)
    if(item MATCHES "^Qt6?::Core$")
        set(core_seen TRUE)
    endif()
    # The targets (Qt6::Gui, the versionless Qt::Gui) and the files themselves.
    if(item MATCHES "^Qt6?::(Gui|Widgets)$" OR item MATCHES "(^|[/:])(lib)?Qt6(Gui|Widgets)([.].*)?$"
       OR item MATCHES "^-lQt6(Gui|Widgets)$")
        list(APPEND offending "  ${item}, through ${chain}")
    endif()
endforeach()
if(NOT core_seen)
    # The walk must have gone through Qt's own targets, or an empty file would pass.
    message(FATAL_ERROR "The link closure in ${LINKS} does not reach Qt6::Core: the check itself is broken.")
endif()
if(offending)
    list(JOIN offending "\n" text)
    message(FATAL_ERROR "fermata_core pulls in QtGui/QtWidgets (the core must link no GUI):\n${text}")
endif()
list(LENGTH lines count)
message(STATUS "fermata_core links ${count} libraries, none of them QtGui or QtWidgets")
