"""What the sources say they need: QML imports, GStreamer elements made by name, programs
started, and the declared table of programs (packaging/programs.list)."""

import json
import os
import re
import subprocess

import debpackages

CPP_SUFFIXES = (".cpp", ".h")


def source_files(root, suffixes):
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(suffixes):
                yield os.path.join(directory, name)


def relative(path, root):
    return os.path.relpath(path, root)


def scan_qml(scanner, root, qml_dir):
    """{module: directory or None}: what qmlimportscanner finds the .qml files under `root`
    import, with what those modules import in turn; None when no directory has it."""
    output = subprocess.run([scanner, "-rootPath", root, "-importPath", qml_dir],
                            capture_output=True, text=True, check=True).stdout
    modules = {}
    for entry in json.loads(output):
        if entry.get("type") == "module" and entry.get("name"):
            modules[entry["name"]] = entry.get("path") or modules.get(entry["name"])
    return modules


def qml_imports(root):
    """{module: [files]} imported directly by the .qml files under `root`."""
    imports = {}
    pattern = re.compile(r"^\s*import\s+([A-Za-z][\w.]*)", re.MULTILINE)
    for path in source_files(root, (".qml",)):
        with open(path, encoding="utf-8") as stream:
            for module in pattern.findall(stream.read()):
                imports.setdefault(module, []).append(os.path.basename(path))
    return imports


def element_package_hints(source_dir):
    """{element: package} from gstsupport.cpp's table (what chamber-media's own error says to
    install), to name a package when an element is not installed at all."""
    path = os.path.join(source_dir, "server", "media", "gstsupport.cpp")
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    return dict(re.findall(r'\{QStringLiteral\("([\w-]+)"\),\s*QStringLiteral\("([\w.+-]+)"\)\}',
                           text))


def made_elements(source_dir):
    """{element: first file} of every element factory named in a call in the media code:
    makeElement("x"), gst_element_factory_make("x"), and add("x", ...) chains."""
    pattern = re.compile(
        r'\b(?:makeElement|gst_element_factory_make|gst_element_factory_find|add)\(\s*"([\w-]+)"')
    found = {}
    for directory in ("server/media", "kiosk/media"):
        root = os.path.join(source_dir, directory)
        for path in source_files(root, CPP_SUFFIXES):
            with open(path, encoding="utf-8") as stream:
                for element in pattern.findall(stream.read()):
                    found.setdefault(element, relative(path, source_dir))
    return found


def read_programs_table(path):
    """{program: (list, package, why)} from packaging/programs.list."""
    table = {}
    for number, line in debpackages.entries(path):
        fields = line.split(None, 3)
        if len(fields) < 4:
            raise ValueError("%s:%d: want PROGRAM LIST PACKAGE WHY" % (path, number))
        table[fields[0]] = (fields[1], fields[2], fields[3])
    return table


# A program named where it is started or looked up.
STARTED = re.compile(
    r'\b(?:findExecutable|setProgram|start|startDetached|execute)\(\s*QStringLiteral\("([^"/]+)"\)'
    r'|\bexec(?:l|lp|v|vp|vpe|le)\(\s*"([^"/]+)"')
# findExecutable(name) inside `for (const QString &name : {QStringLiteral("a"), ...})`.
LOOKED_UP = re.compile(r'\bfindExecutable\(\s*([A-Za-z_]\w*)\s*[,)]')
RANGE_FOR = r'for\s*\(\s*const\s+QString\s*&\s*%s\s*:\s*\{([^}]*)\}'


def started_programs(source_dir):
    """{program: first file} of every program the product, tests and benchmarks start or look
    up by name. Programs built here are named by path (binaryPath, CHAMBER_BIN_DIR), except
    chamber-media, which chamberd finds on PATH."""
    found = {}
    for directory in ("server", "kiosk", "tests"):
        root = os.path.join(source_dir, directory)
        for path in source_files(root, CPP_SUFFIXES):
            with open(path, encoding="utf-8") as stream:
                text = stream.read()
            names = [a or b for a, b in STARTED.findall(text)]
            for variable in set(LOOKED_UP.findall(text)):
                for group in re.findall(RANGE_FOR % re.escape(variable), text):
                    names.extend(re.findall(r'QStringLiteral\("([^"]+)"\)', group))
            for name in names:
                found.setdefault(name, relative(path, source_dir))
    return found


def unguarded_processes(source_dir):
    """["file: variable"] for every QProcess declared under tests/ whose file (or the .cpp/.h
    beside it) never passes it to dieWithTest(): a child that would outlive a killed test."""
    declared = re.compile(r"\bQProcess\s+(\w+)\s*[;{]")
    unguarded = []
    root = os.path.join(source_dir, "tests")
    for path in source_files(root, CPP_SUFFIXES):
        with open(path, encoding="utf-8") as stream:
            own = stream.read()
        text = own
        stem = os.path.splitext(path)[0]
        for sibling in (stem + ".cpp", stem + ".h"):
            if sibling != path and os.path.exists(sibling):
                with open(sibling, encoding="utf-8") as stream:
                    text += stream.read()
        for variable in declared.findall(own):
            if not re.search(r"dieWithTest\(\s*%s\s*[,)]" % re.escape(variable), text):
                unguarded.append("%s: %s" % (relative(path, source_dir), variable))
    return sorted(set(unguarded))
