# Read by cpack before it makes the packages. Each Debian package has its own Description
# (CPACK_DEBIAN_<COMPONENT>_DESCRIPTION, synopsis first); without this CPack would put the
# project's one-line summary above both as their common synopsis.
unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
