# `cmake --install` and CPack. The installed tree is relocatable: bin/ndisv
# finds share/ndisv (model, rules, rule docs) and share/ndisv/clang (Clang's
# resource headers, copied so the tree needs no -dev package) relative to
# its own path (findDataDir and findResourceDir in lib/Check).
include(GNUInstallDirs)
set(NDISV_SHARE ${CMAKE_INSTALL_DATADIR}/ndisv)

install(TARGETS ndisv RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
file(GLOB NDISV_MODEL_TABLES ${CMAKE_SOURCE_DIR}/model/*.table)
install(FILES ${NDISV_MODEL_TABLES} DESTINATION ${NDISV_SHARE}/model)
install(DIRECTORY model/include DESTINATION ${NDISV_SHARE}/model)
install(DIRECTORY rules/ DESTINATION ${NDISV_SHARE}/rules FILES_MATCHING PATTERN "*.rule" PATTERN "*.txt")
install(DIRECTORY docs/rules DESTINATION ${NDISV_SHARE}/docs FILES_MATCHING PATTERN "*.md")
install(DIRECTORY ${NDISV_CLANG_RESOURCE_DIR}/include DESTINATION ${NDISV_SHARE}/clang)
install(FILES README.md docs/ci.md docs/inputs.md docs/html-report.md docs/rule-language.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY examples/virtnic DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Debian policy 12.5: every package ships /usr/share/doc/<package>/copyright,
# naming the license of everything it installs (Clang's headers included).
install(FILES packaging/debian-copyright DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)

# A .deb for Debian 12: `cpack -G DEB --config build/CPackConfig.cmake`.
# It depends on the runtime library package of every shared library the
# binary links, never on a -dev package: dpkg-shlibdeps (dpkg-dev) computes
# them from the binary, with the versions the libraries' shlibs files ask;
# without it, a list written by hand. tests/install/check_depends.py checks
# either against what the binary links (Z3 had been missing from the hand
# list, only reached through libllvm19's own Depends).
set(CPACK_PACKAGE_NAME ndisv)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "ndisv")
set(CPACK_PACKAGE_CONTACT "ndisv maintainers <ndisv@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "static verifier for Windows NDIS miniport drivers")
set(CPACK_PACKAGE_DESCRIPTION
    "ndisv proves NDIS 6 miniport drivers against the interface rules of Static Driver Verifier (init/halt resource lifecycle, IRQL, ...) and writes text, SARIF 2.1.0 and HTML reports.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
find_program(NDISV_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(NDISV_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  message(STATUS "dpkg-shlibdeps not found (dpkg-dev): the .deb's Depends are the hand-written list")
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libllvm19 (>= 1:19.1), libclang-cpp19 (>= 1:19.1), libz3-4, libtinyxml2-9, libstdc++6, libc6, libgcc-s1")
endif()
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/ndisv/ndisv")
set(CPACK_STRIP_FILES ON)
include(CPack)
