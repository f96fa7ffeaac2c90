"""The Debian side of the dependency test: the package lists, what is installed, and which
package owns a file. Everything is asked of dpkg in a few calls, never one call per file."""

import os
import re
import subprocess

# The lists the README commands install: command 1 and command 2 (what it adds). Read from
# scripts/lib.sh itself by readme_command_lists(), so the two cannot disagree.
COMMAND_1_LISTS = ("build", "server", "kiosk")
COMMAND_2_LISTS = ("server-recommends", "server-suggests", "kiosk-session", "test")


def readme_command_lists(source_dir):
    """(command 1 lists, command 2 lists) as scripts/lib.sh names them for
    CHAMBER_BUILD_PACKAGES and CHAMBER_TEST_PACKAGES. Other lists (package, images) are
    installed by their own scripts (scripts/package.sh, images/build.sh)."""
    found = {}
    with open(os.path.join(source_dir, "scripts", "lib.sh"), encoding="utf-8") as stream:
        for line in stream:
            match = re.match(r"\s*mapfile -t (CHAMBER_\w+_PACKAGES) < <\(chamber_package_list ([^)]*)\)",
                             line)
            if match:
                found[match.group(1)] = tuple(match.group(2).split())
    return found.get("CHAMBER_BUILD_PACKAGES", ()), found.get("CHAMBER_TEST_PACKAGES", ())


def entries(path):
    """(line number, text) of each entry of a list file: '#' starts a comment, blank lines
    are skipped. The package lists, programs.list and incidental.list share this format."""
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            text = line.split("#", 1)[0].strip()
            if text:
                yield number, text


def read_list(path):
    """Package names of one packaging/packages/*.list file (one a line)."""
    return [name for _, name in entries(path)]


def read_lists(source_dir):
    """{list name: [packages]} for every packaging/packages/*.list."""
    directory = os.path.join(source_dir, "packaging", "packages")
    lists = {}
    for entry in sorted(os.listdir(directory)):
        if entry.endswith(".list"):
            lists[entry[: -len(".list")]] = read_list(os.path.join(directory, entry))
    return lists


def bare_name(name):
    """'libfoo1:amd64' and 'python3:any' name the packages libfoo1 and python3."""
    return name.split(":", 1)[0].strip()


def parse_relations(field):
    """A Depends-like field as a list of alternatives, each a list of bare package names."""
    groups = []
    for group in field.split(","):
        group = group.strip()
        if not group:
            continue
        alternatives = []
        for alternative in group.split("|"):
            # "name:arch (>= 1.0) [arch] <profile>": the name is the first word.
            word = re.split(r"[\s(\[<]", alternative.strip(), maxsplit=1)[0]
            if word:
                alternatives.append(bare_name(word))
        groups.append(alternatives)
    return groups


class Installed:
    """The installed packages with their Depends, Pre-Depends, Provides and Essential flag,
    from one dpkg-query call."""

    def __init__(self):
        output = subprocess.run(
            ["dpkg-query", "-W", "-f",
             "${Package}\t${db:Status-Status}\t${Essential}\t${Depends}\t${Pre-Depends}"
             "\t${Provides}\n"],
            check=True, capture_output=True, text=True).stdout
        self.depends = {}
        self.essential = set()
        self.providers = {}
        for line in output.splitlines():
            package, status, essential, depends, pre_depends, provides = line.split("\t")
            if status != "installed":
                continue
            groups = parse_relations(depends) + parse_relations(pre_depends)
            self.depends.setdefault(package, []).extend(groups)
            if essential == "yes":
                self.essential.add(package)
            for group in parse_relations(provides):
                for virtual in group:
                    self.providers.setdefault(virtual, set()).add(package)

    def is_installed(self, package):
        return package in self.depends

    def resolve(self, name):
        """The installed packages that satisfy `name`: itself, or what provides it."""
        if name in self.depends:
            return {name}
        return set(self.providers.get(name, ()))

    def closure(self, roots):
        """Every installed package that installing `roots` brings: their recursive Depends and
        Pre-Depends. An alternative (a | b) counts with whichever of its packages are
        installed; a virtual package with its installed providers."""
        seen = set()
        pending = []
        for root in roots:
            pending.extend(self.resolve(root))
        while pending:
            package = pending.pop()
            if package in seen:
                continue
            seen.add(package)
            for group in self.depends.get(package, ()):
                for alternative in group:
                    pending.extend(self.resolve(alternative) - seen)
        return seen


def usr_merged(path):
    """The other spelling of a path on a merged-/usr system (/lib/x ↔ /usr/lib/x): dpkg knows
    only the one the package shipped."""
    for short in ("/lib", "/lib64", "/bin", "/sbin"):
        if path.startswith(short + "/"):
            return "/usr" + path
        if path.startswith("/usr" + short + "/"):
            return path[len("/usr"):]
    return None


def spellings(path):
    """The names dpkg may know a file by, best first: the file itself (symbolic links
    resolved: /lib/x86_64-linux-gnu/libssl.so is libssl-dev's link to libssl3's libssl.so.3,
    and what is loaded is the latter), then the path as given."""
    real = os.path.realpath(path)
    names = []
    for name in (real, usr_merged(real), path, usr_merged(path)):
        if name and name not in names:
            names.append(name)
    return names


def owners(paths):
    """{path: set of packages} for the paths dpkg knows (one dpkg-query -S call for all), by
    the first of their spellings() that a package ships. A path no package ships is left out."""
    paths = sorted(set(paths))
    if not paths:
        return {}
    asked = {path: spellings(path) for path in paths}
    every = sorted({name for names in asked.values() for name in names})
    result = subprocess.run(["dpkg-query", "-S"] + every, capture_output=True, text=True)
    shipped = {}
    for line in result.stdout.splitlines():
        if line.startswith("diversion ") or ": " not in line:
            continue
        packages, name = line.split(": ", 1)
        shipped.setdefault(name.strip(), set()).update(
            bare_name(package) for package in packages.split(","))
    found = {}
    for path, names in asked.items():
        for name in names:
            if name in shipped:
                found[path] = shipped[name]
                break
    return found
