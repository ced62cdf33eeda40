# One INTERFACE target carries the compiler policy for every Storekeep target.
add_library(storekeep_policy INTERFACE)

if(MSVC)
    target_compile_options(storekeep_policy INTERFACE /W4 /permissive- /utf-8)
    if(STOREKEEP_WERROR)
        target_compile_options(storekeep_policy INTERFACE /WX)
    endif()
else()
    target_compile_options(storekeep_policy INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor
        -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        # GCC 12 at -O2 reports std::optional<QString> members as "maybe uninitialized":
        # a known false positive (GCC bug 80635) that would fail optimised -Werror builds.
        target_compile_options(storekeep_policy INTERFACE -Wno-maybe-uninitialized)
    endif()
    if(STOREKEEP_WERROR)
        target_compile_options(storekeep_policy INTERFACE -Werror)
    endif()
    if(STOREKEEP_SANITIZE)
        target_compile_options(storekeep_policy INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(storekeep_policy INTERFACE -fsanitize=address,undefined)
    endif()
endif()

target_compile_definitions(storekeep_policy INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

# Sources of one layer, collected by folder so that a new file needs no list edit.
function(storekeep_collect_sources out_var)
    file(GLOB_RECURSE _srcs CONFIGURE_DEPENDS
        ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
    set(${out_var} ${_srcs} PARENT_SCOPE)
endfunction()
