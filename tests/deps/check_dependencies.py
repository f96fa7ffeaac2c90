#!/usr/bin/python3
"""The dependency test: everything the built programs load or start at run time comes from a
Debian package that the package lists install (packaging/packages/*.list, read by
scripts/lib.sh for the README commands and by the .deb packages' Depends, Recommends and
Suggests). A miss fails naming the package and the list it belongs in:

  MISSING qml6-module-qtquick-pdf in kiosk.list: QML module QtQuick.Pdf (imported by kiosk/...)

Checked: the QML modules of the kiosk (and of the QML tests), the shared libraries of
chamberd, chamberctl, chamber-media and chamber-kiosk, every file they open while running
(plugins dlopen'ed, fonts, certificates: strace of the kiosk's self-tests, of chamberd with
chamberctl, of chamber-media making an offer), every GStreamer element the pipelines can name
(--list-elements), every external program the sources start (packaging/programs.list), and the
built .debs' fields when there are any.

usage: check_dependencies.py --source DIR --bin DIR [--debs DIR] [--work DIR]
"""

import argparse
import fnmatch
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

# The modules beside this file, without leaving __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import debpackages  # noqa: E402
import runtime  # noqa: E402
import sources  # noqa: E402

PROGRAMS = ("chamberd", "chamberctl", "chamber-media", "chamber-kiosk")
# Which list a program's run-time needs belong in (its .deb's Depends).
PROGRAM_LIST = {"chamberd": "server", "chamberctl": "server", "chamber-media": "server",
                "chamber-kiosk": "kiosk"}
DEB_FIELDS = {"chamber-server": (("Depends", "server"), ("Recommends", "server-recommends"),
                                 ("Suggests", "server-suggests")),
              "chamber-kiosk": (("Depends", "kiosk"),)}


class Report:
    def __init__(self):
        self.missing = {}  # (package, list) -> [why]
        self.problems = []
        self.notes = []

    def miss(self, package, list_name, why):
        self.missing.setdefault((package, list_name), []).append(why)

    def problem(self, text):
        if text not in self.problems:
            self.problems.append(text)

    def note(self, text):
        self.notes.append(text)

    def print_and_exit(self):
        for note in self.notes:
            print("note: " + note)
        for (package, list_name), whys in sorted(self.missing.items()):
            shown = sorted(set(whys))
            more = " (and %d more)" % (len(shown) - 3) if len(shown) > 3 else ""
            print("MISSING %s in %s.list: %s%s" % (package, list_name, "; ".join(shown[:3]),
                                                   more))
        for problem in self.problems:
            print("PROBLEM " + problem)
        failed = len(self.missing) + len(self.problems)
        print("dependency test: %s" % ("%d failure(s)" % failed if failed else "all found"))
        sys.exit(1 if failed else 0)


class Checker:
    def __init__(self, args, report):
        self.source = os.path.abspath(args.source)
        self.bin = os.path.abspath(args.bin)
        self.debs = args.debs or os.path.join(self.source, "build", "debs")
        self.report = report
        self.lists = debpackages.read_lists(self.source)
        self.installed = debpackages.Installed()
        # Always there on Debian: the Essential packages and what they need.
        self.baseline = self.installed.closure(self.installed.essential)
        self.library_packages = {}  # program -> packages of its shared libraries
        self.closures = {}
        command_lists = debpackages.readme_command_lists(self.source)
        if command_lists != (debpackages.COMMAND_1_LISTS, debpackages.COMMAND_2_LISTS):
            report.problem("scripts/lib.sh installs the lists %s (command 1) and %s (command 2); "
                           "tests/deps/debpackages.py expects %s and %s" % (
                               command_lists + (debpackages.COMMAND_1_LISTS,
                                                debpackages.COMMAND_2_LISTS)))
        for list_name, packages in sorted(self.lists.items()):
            if list_name not in command_lists[0] + command_lists[1]:
                continue
            for package in packages:
                if not self.installed.resolve(package):
                    report.problem("%s (in %s.list) is not installed: the README command that "
                                   "installs %s.list was not run here" % (package, list_name,
                                                                         list_name))

    def closure(self, *list_names, extra=()):
        key = (list_names, tuple(sorted(extra)))
        if key not in self.closures:
            roots = set(extra)
            for name in list_names:
                roots.update(self.lists.get(name, ()))
            self.closures[key] = self.installed.closure(roots) | self.baseline
        return self.closures[key]

    def allowed_for(self, program):
        """What installing the program's .deb brings: its list and the packages of its shared
        libraries (dpkg-shlibdeps puts those in Depends), with all their Depends."""
        return self.closure(PROGRAM_LIST[program], extra=self.library_packages[program])

    def require(self, package, list_name, allowed, why):
        if package not in allowed:
            self.report.miss(package, list_name, why)

    # 1. QML modules.
    def check_qml(self):
        libexec = qt_path("QT_HOST_LIBEXECS")
        qml_dir = qt_path("QT_INSTALL_QML")
        scanner = os.path.join(libexec, "qmlimportscanner")
        kiosk_allowed = self.allowed_for("chamber-kiosk")
        test_allowed = self.closure(*(debpackages.COMMAND_1_LISTS + debpackages.COMMAND_2_LISTS))
        for directory, list_name, allowed in (("kiosk", "kiosk", kiosk_allowed),
                                              ("tests/qml", "test", test_allowed)):
            root = os.path.join(self.source, directory)
            modules = sources.scan_qml(scanner, root, qml_dir)
            direct = sources.qml_imports(root)
            qmldirs = {}
            for name, path in modules.items():
                if name.startswith("Chamber."):
                    continue  # compiled into the program
                if path:
                    qmldirs[os.path.join(path, "qmldir")] = name
                elif name in direct:
                    self.report.miss(debian_qml_package(name), list_name,
                                     "QML module %s is not installed (imported by %s)"
                                     % (name, ", ".join(sorted(direct[name])[:2])))
            found = debpackages.owners(qmldirs)
            for qmldir, name in sorted(qmldirs.items()):
                packages = found.get(qmldir)
                if not packages:
                    self.report.problem("QML module %s: no package ships %s" % (name, qmldir))
                    continue
                where = ", ".join(sorted(direct.get(name, ["a module it imports"]))[:2])
                for package in packages:
                    self.require(package, list_name, allowed,
                                 "QML module %s (imported by %s)" % (name, where))
            self.report.note("%s: %d QML modules checked" % (directory, len(qmldirs)))

    # 2. Shared libraries.
    def check_libraries(self):
        command_1 = self.closure(*debpackages.COMMAND_1_LISTS)
        for program in PROGRAMS:
            binary = os.path.join(self.bin, program)
            libraries, not_found = runtime.shared_libraries(binary)
            for name in sorted(not_found):
                self.report.problem("%s: shared library %s not found (ldd)" % (program, name))
            found = debpackages.owners(libraries)
            packages = set()
            for library in sorted(libraries):
                if library not in found:
                    self.report.problem("%s: no Debian package ships %s" % (program, library))
                    continue
                packages |= found[library]
                # README command 1 installs the -dev packages, which bring the libraries.
                for package in found[library]:
                    self.require(package, "build", command_1,
                                 "%s links %s" % (program, os.path.basename(library)))
            self.library_packages[program] = packages
            self.report.note("%s: %d shared libraries from %d packages" % (
                program, len(libraries), len(packages)))

    # 3. Files opened at run time (plugins, fonts, certificates, QML files).
    def check_runtime_files(self, work_dir):
        tracer = runtime.Tracer(work_dir)
        # A registry already up to date, so no run loads every plugin installed to fill it.
        runtime.element_plugin("fakesink")
        failures = []
        opened = {"chamber-kiosk": runtime.trace_kiosk(self.bin, tracer, failures)}
        opened.update(runtime.trace_server(self.bin, tracer, failures))
        opened["chamber-media"] = runtime.trace_media(self.bin, tracer, failures)
        for failure in failures:
            self.report.problem(failure)
        incidental = read_incidental(os.path.join(os.path.dirname(__file__), "incidental.list"))
        found = debpackages.owners(set().union(*opened.values()))
        for program, files in sorted(opened.items()):
            allowed = self.allowed_for(program)
            unowned = 0
            for path in sorted(files):
                if path not in found:
                    unowned += 1
                    continue
                if any(fnmatch.fnmatchcase(path, pattern) for pattern in incidental):
                    continue
                for package in found[path]:
                    self.require(package, PROGRAM_LIST[program], allowed,
                                 "%s uses %s" % (program, path))
            self.report.note("%s: %d files used at run time (%d from no package)"
                             % (program, len(files), unowned))

    # 4. GStreamer elements.
    def check_elements(self):
        hints = sources.element_package_hints(self.source)
        catalogs = {}
        for program in ("chamber-media", "chamber-kiosk"):
            catalogs[program] = runtime.list_elements(os.path.join(self.bin, program))
        plugins = {}
        for program, elements in sorted(catalogs.items()):
            for element in elements:
                plugin = plugins.get(element) or runtime.element_plugin(element)
                plugins[element] = plugin
                if plugin is None:
                    package = hints.get(element, "the package with the GStreamer plugin of "
                                                 "this element")
                    self.report.miss(package, PROGRAM_LIST[program],
                                     "GStreamer element %s of %s is not installed"
                                     % (element, program))
        found = debpackages.owners(path for path in plugins.values() if path)
        for program, elements in sorted(catalogs.items()):
            allowed = self.allowed_for(program)
            for element in elements:
                plugin = plugins[element]
                if plugin is None:
                    continue
                if plugin not in found:
                    self.report.problem("GStreamer element %s: no package ships %s" % (
                        element, plugin))
                    continue
                hint = hints.get(element)
                if hint and hint not in found[plugin]:
                    self.report.problem(
                        "server/media/gstsupport.cpp says element %s comes from %s, dpkg says %s"
                        % (element, hint, ", ".join(sorted(found[plugin]))))
                for package in found[plugin]:
                    self.require(package, PROGRAM_LIST[program], allowed,
                                 "GStreamer element %s of %s (%s)" % (
                                     element, program, os.path.basename(plugin)))
            self.report.note("%s: %d GStreamer elements" % (program, len(elements)))
        # Every element the sources make by name is in a catalog, so none escapes the check.
        listed = set().union(*catalogs.values())
        for element, where in sorted(sources.made_elements(self.source).items()):
            if element not in listed:
                self.report.problem(
                    "GStreamer element %s is made in %s but no --list-elements prints it: add "
                    "it to the requiredElements() of that pipeline" % (element, where))

    # 5. External programs.
    def check_programs(self):
        table_path = os.path.join(self.source, "packaging", "programs.list")
        table = sources.read_programs_table(table_path)
        started = sources.started_programs(self.source)
        for program, where in sorted(started.items()):
            if program not in table:
                self.report.problem("%s starts the program %s, which packaging/programs.list "
                                    "does not name (add: PROGRAM LIST PACKAGE WHY)"
                                    % (where, program))
        for program, (list_name, package, why) in sorted(table.items()):
            if list_name == "built":
                if not os.path.isfile(os.path.join(self.bin, program)):
                    self.report.problem("%s (built here, %s) is not in %s" % (
                        program, package, self.bin))
                continue
            path = runtime.find_program(program)
            if path is None:
                if list_name == "bench":
                    self.report.note("%s not installed: tests/bench/run.sh installs %s" % (
                        program, package))
                    continue
                self.report.miss(package, list_name, "program %s is not installed (%s)" % (
                    program, why))
                continue
            owners = debpackages.owners([path]).get(path, set())
            # The package named, or one it depends on (nginx brings nginx-core's binary).
            if not owners & self.installed.closure([package]):
                self.report.problem("packaging/programs.list says %s comes from %s, but %s is "
                                    "from %s" % (program, package, path,
                                                 ", ".join(sorted(owners)) or "no package"))
            if list_name == "essential":
                if package not in self.installed.essential:
                    self.report.problem("%s: %s is not an Essential package; name its list"
                                        % (program, package))
            elif list_name == "bench":
                bench = open(os.path.join(self.source, "tests", "bench", "run.sh"),
                             encoding="utf-8").read()
                if package not in bench:
                    self.report.problem("%s: tests/bench/run.sh does not install %s" % (
                        program, package))
            elif list_name not in self.lists:
                self.report.problem("packaging/programs.list names a list %s that "
                                    "packaging/packages/ does not have" % list_name)
            else:
                self.require(package, list_name, self.closure(list_name),
                             "program %s (%s)" % (program, why))
        self.report.note("%d programs in packaging/programs.list, %d started in the sources"
                         % (len(table), len(started)))

    # 7. Tests stop what they start, even when they are killed.
    def check_test_children(self):
        for where in sources.unguarded_processes(self.source):
            self.report.problem("%s: a QProcess without chamber::testing::dieWithTest() "
                                "(tests/support/childprocess.h) outlives a killed test" % where)

    # 6. The built .debs.
    def check_debs(self):
        debs = sorted(glob.glob(os.path.join(self.debs, "*.deb")))
        if not debs:
            self.report.note("no .debs in %s (scripts/package.sh makes them): their "
                             "Depends/Recommends/Suggests not checked" % self.debs)
            return
        for deb in debs:
            name = subprocess.run(["dpkg-deb", "-f", deb, "Package"], capture_output=True,
                                  text=True, check=True).stdout.strip()
            for field, list_name in DEB_FIELDS.get(name, ()):
                value = subprocess.run(["dpkg-deb", "-f", deb, field], capture_output=True,
                                       text=True, check=True).stdout
                named = {alternative for group in debpackages.parse_relations(value)
                         for alternative in group}
                for package in self.lists.get(list_name, ()):
                    if package not in named:
                        self.report.problem("%s: %s lacks %s (from %s.list)" % (
                            os.path.basename(deb), field, package, list_name))
            self.report.note("%s: fields checked" % os.path.basename(deb))


def read_incidental(path):
    """The fnmatch patterns of incidental.list."""
    return [text.split()[0] for _, text in debpackages.entries(path)]


def qt_path(name):
    """A Qt installation path (qtpaths6 of qt6-base-dev-tools, on PATH or in Qt's bin)."""
    qtpaths = shutil.which("qtpaths6") or "/usr/lib/qt6/bin/qtpaths6"
    return subprocess.run([qtpaths, "--query", name], capture_output=True, text=True,
                          check=True).stdout.strip()


def debian_qml_package(module):
    """Debian's name for a QML module's package: QtQuick.Pdf is qml6-module-qtquick-pdf."""
    return "qml6-module-" + re.sub(r"[^a-z0-9]+", "-", module.lower())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", required=True, help="the source tree")
    parser.add_argument("--bin", required=True, help="where the built programs are")
    parser.add_argument("--debs", help="where the built .debs are (default SOURCE/build/debs)")
    parser.add_argument("--work", help="a directory for traces (default: a temporary one)")
    args = parser.parse_args()
    report = Report()
    checker = Checker(args, report)
    with tempfile.TemporaryDirectory(prefix="chamber-deps-") as temporary:
        work = args.work or temporary
        os.makedirs(work, exist_ok=True)
        checker.check_libraries()
        checker.check_qml()
        checker.check_runtime_files(work)
        checker.check_elements()
        checker.check_programs()
        checker.check_debs()
        checker.check_test_children()
    report.print_and_exit()


if __name__ == "__main__":
    main()
