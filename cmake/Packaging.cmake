# Packaging: what `make install` puts on a Linux desktop besides the binary (AppStream with this
# version, hicolor icons, the man page, shell completions, the copyright file), and the Debian
# package CPack builds from those install rules (`make package`). Included last from the
# top-level CMakeLists.txt. The version comes from project(VERSION) only.

# Who publishes a package is for whoever builds it for distribution to say (README, "Install"):
# the defaults are reserved example names (RFC 2606), so a local build claims no real address.
set(FERMATA_REPOSITORY_URL "https://fermata.example.org" CACHE STRING
    "Public repository: the package's homepage; AppStream screenshots are read from its raw files")
set(FERMATA_PACKAGE_MAINTAINER "Unofficial Fermata build <unofficial-build@fermata.example.org>" CACHE STRING
    "Maintainer named in the Debian package and its changelog")

set(_linux_dir ${PROJECT_SOURCE_DIR}/packaging/linux)
set(_staging ${PROJECT_BINARY_DIR}/packaging)

# AppStream: the screenshots are the files in packaging/screenshots at this version's tag, as
# '<repository>/raw/v<version>/<path>' (GitHub, GitLab, Gitea and Forgejo all serve raw files so),
# so a software centre shows the screens of the release it installs.
set(FERMATA_SCREENSHOT_URL "${FERMATA_REPOSITORY_URL}/raw/v${PROJECT_VERSION}/packaging/screenshots")
configure_file(${_linux_dir}/io.fermata.Fermata.metainfo.xml.in
    ${_staging}/io.fermata.Fermata.metainfo.xml @ONLY)

# The newest <release> in the metainfo gives the Debian changelog its date; the test
# packaging_metadata fails when it is not this version.
file(READ ${_linux_dir}/io.fermata.Fermata.metainfo.xml.in _metainfo)
string(REGEX MATCH "<release version=\"([^\"]+)\" date=\"([0-9]+)-([0-9]+)-([0-9]+)\"" _ "${_metainfo}")
if(NOT CMAKE_MATCH_1)
    message(FATAL_ERROR "packaging/linux/io.fermata.Fermata.metainfo.xml.in has no "
        "<release version=\"${PROJECT_VERSION}\" date=\"YYYY-MM-DD\"> entry; add one to <releases>.")
endif()
set(FERMATA_METAINFO_VERSION "${CMAKE_MATCH_1}")
set(_year ${CMAKE_MATCH_2})
set(_month ${CMAKE_MATCH_3})
set(_day ${CMAKE_MATCH_4})
if(NOT FERMATA_METAINFO_VERSION STREQUAL PROJECT_VERSION)
    message(WARNING "packaging/linux/io.fermata.Fermata.metainfo.xml.in: the newest <release> is "
        "'${FERMATA_METAINFO_VERSION}', but CMakeLists.txt says ${PROJECT_VERSION}. Add a <release> "
        "entry for ${PROJECT_VERSION} at the top of <releases>.")
endif()

# RFC 2822 date for changelog.Debian (weekday from days since 1970-01-01, a Thursday).
foreach(_part IN ITEMS _month _day)
    string(REGEX REPLACE "^0" "" ${_part} "${${_part}}")
endforeach()
set(_y ${_year})
if(_month LESS_EQUAL 2)
    math(EXPR _y "${_year} - 1")
endif()
math(EXPR _era "${_y} / 400")
math(EXPR _yoe "${_y} - ${_era} * 400")
math(EXPR _mp "(${_month} + 9) % 12")
math(EXPR _doy "(153 * ${_mp} + 2) / 5 + ${_day} - 1")
math(EXPR _doe "${_yoe} * 365 + ${_yoe} / 4 - ${_yoe} / 100 + ${_doy}")
math(EXPR _days "${_era} * 146097 + ${_doe} - 719468")
math(EXPR _weekday "(${_days} + 4) % 7")
set(_weekdays Sun Mon Tue Wed Thu Fri Sat)
set(_months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
list(GET _weekdays ${_weekday} _weekday_name)
math(EXPR _month_index "${_month} - 1")
list(GET _months ${_month_index} _month_name)
set(FERMATA_RELEASE_DATE_RFC2822 "${_weekday_name}, ${_day} ${_month_name} ${_year} 12:00:00 +0000")

set(FERMATA_PACKAGE_RELEASE 1)
set(FERMATA_PACKAGE_VERSION "${PROJECT_VERSION}-${FERMATA_PACKAGE_RELEASE}")
file(WRITE ${_staging}/changelog.Debian
    "fermata (${FERMATA_PACKAGE_VERSION}) unstable; urgency=medium\n\n"
    "  * Fermata ${PROJECT_VERSION}, packaged with CPack from the Fermata sources.\n\n"
    " -- ${FERMATA_PACKAGE_MAINTAINER}  ${FERMATA_RELEASE_DATE_RFC2822}\n")

# Files a package must hold compressed (Debian policy 12.3, 12.7); gzip -n for reproducibility.
find_program(FERMATA_GZIP gzip)
# Icons for the hicolor theme, rendered from the one SVG the app also uses.
find_program(FERMATA_RSVG_CONVERT rsvg-convert)

if(UNIX AND NOT APPLE AND FERMATA_GZIP)
    set(_generated)
    foreach(_name IN ITEMS changelog.Debian fermata.1)
        if(_name STREQUAL "fermata.1")
            set(_input ${_linux_dir}/fermata.1)
        else()
            set(_input ${_staging}/${_name})
        endif()
        add_custom_command(OUTPUT ${_staging}/${_name}.gz
            COMMAND ${FERMATA_GZIP} -9 -n -c ${_input} > ${_staging}/${_name}.gz
            DEPENDS ${_input} VERBATIM)
        list(APPEND _generated ${_staging}/${_name}.gz)
    endforeach()

    set(FERMATA_ICON_SIZES 16 22 24 32 48 64 128 256)
    if(FERMATA_RSVG_CONVERT)
        foreach(_size IN LISTS FERMATA_ICON_SIZES)
            set(_png ${_staging}/icons/${_size}x${_size}/fermata.png)
            add_custom_command(OUTPUT ${_png}
                COMMAND ${CMAKE_COMMAND} -E make_directory ${_staging}/icons/${_size}x${_size}
                COMMAND ${FERMATA_RSVG_CONVERT} -w ${_size} -h ${_size} -o ${_png}
                        ${PROJECT_SOURCE_DIR}/resources/icons/fermata.svg
                DEPENDS ${PROJECT_SOURCE_DIR}/resources/icons/fermata.svg VERBATIM)
            list(APPEND _generated ${_png})
            install(FILES ${_png} DESTINATION share/icons/hicolor/${_size}x${_size}/apps)
        endforeach()
    else()
        message(WARNING "rsvg-convert not found (package librsvg2-bin): 'make install' and the "
            "package get only the scalable icon, no PNGs.")
    endif()
    add_custom_target(fermata_packaging_files ALL DEPENDS ${_generated})

    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/fermata.svg
        DESTINATION share/icons/hicolor/scalable/apps)
    install(FILES ${_staging}/io.fermata.Fermata.metainfo.xml DESTINATION share/metainfo)
    install(FILES ${_staging}/fermata.1.gz DESTINATION share/man/man1)
    install(FILES ${_linux_dir}/completions/fermata.bash
        DESTINATION share/bash-completion/completions RENAME fermata)
    install(FILES ${_linux_dir}/completions/_fermata DESTINATION share/zsh/vendor-completions)
    install(FILES ${_linux_dir}/completions/fermata.fish DESTINATION share/fish/vendor_completions.d)
    # The contact and source are whoever builds the package (the cache settings above).
    configure_file(${_linux_dir}/copyright.in ${CMAKE_CURRENT_BINARY_DIR}/packaging/copyright @ONLY)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/copyright DESTINATION share/doc/fermata)
    install(FILES ${_staging}/changelog.Debian.gz DESTINATION share/doc/fermata)

    if(FERMATA_BUILD_TESTS)
        # The metadata validates and carries this version; the man page and completions still
        # match what --help says (packaging/linux/cli-docs.py rewrites them when not).
        add_test(NAME packaging_metadata COMMAND sh ${PROJECT_SOURCE_DIR}/tests/package/check-metadata.sh
            ${_staging}/io.fermata.Fermata.metainfo.xml ${_linux_dir}/fermata.desktop
            $<TARGET_FILE:fermata> ${PROJECT_VERSION})
        add_test(NAME packaging_cli_docs COMMAND python3 ${_linux_dir}/cli-docs.py --check $<TARGET_FILE:fermata>)
        set_tests_properties(packaging_metadata packaging_cli_docs PROPERTIES LABELS package
            ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
    endif()
endif()

# The Debian package.
set(CPACK_PACKAGE_NAME fermata)
set(CPACK_PACKAGE_VENDOR "The Fermata developers")
set(CPACK_PACKAGE_CONTACT "${FERMATA_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "planner for asynchronous deep work")
set(CPACK_PACKAGE_HOMEPAGE_URL "${FERMATA_REPOSITORY_URL}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR})
if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR DEB)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_PACKAGING_INSTALL_PREFIX /usr)   # also from a tree configured for /usr/local
    set(CPACK_DEBIAN_PACKAGE_RELEASE ${FERMATA_PACKAGE_RELEASE})
    set(CPACK_DEBIAN_PACKAGE_SECTION utils)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${FERMATA_PACKAGE_MAINTAINER}")
    # The long description; CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY above it as the synopsis.
    set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Fermata places long, unbroken focus blocks for your most important tasks
around meetings and deadlines, holds notifications until the few check-in
windows you chose and releases them as one digest, switches the desktop's
Do Not Disturb during focus, and holds messages to teammates until their
own check-in window. Calendars come from iCalendar files, subscriptions
and CalDAV; a team shares its windows through a PostgreSQL hub. Your data
is one SQLite file on your machine, and it works offline.")
    # Libraries from the binary (dpkg-shlibdeps), plus what Qt loads at run time as plug-ins:
    # the SQLite driver (the database), the platform plug-ins (the window).
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
    # The team hub's PostgreSQL driver, a session bus for notifications and Do Not Disturb, a
    # Secret Service for CalDAV and hub passwords, and Qt's own translations (the German
    # dialog buttons): the app works without them and says so, or speaks English there.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
        "libqt6sql6-psql, dbus-user-session, gnome-keyring | libkf5wallet-bin, qt6-translations-l10n")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
    set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
        OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endif()
include(CPack)
