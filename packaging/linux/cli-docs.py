#!/usr/bin/env python3
"""Writes the man page and the bash, zsh and fish completions from the fermata binary's own
--help texts, so they list exactly the commands and options the program takes.

    packaging/linux/cli-docs.py FERMATA            rewrite packaging/linux/fermata.1 and completions/
    packaging/linux/cli-docs.py --check FERMATA    fail (exit 1) if they differ from what --help says

The English help is read (LC_ALL=C), so a translation never leaks into the files.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
METAINFO = HERE / "io.fermata.Fermata.metainfo.xml.in"
OUTPUTS = ("fermata.1", "completions/fermata.bash", "completions/_fermata", "completions/fermata.fish")


@dataclass
class Option:
    names: list          # ["-h", "--help"]
    value: str           # "name" for --source <name>, "" for a switch
    text: str


@dataclass
class Help:
    description: list = field(default_factory=list)   # lines, as printed
    options: list = field(default_factory=list)
    arguments: list = field(default_factory=list)     # (name, text)


@dataclass
class Command:
    name: str
    summary: str
    help: Help
    actions: list = field(default_factory=list)       # words of the 'action' argument
    action_options: dict = field(default_factory=dict)  # action -> options only that action takes


def run(binary, *args):
    env = dict(os.environ, LC_ALL="C", LANG="C", LANGUAGE="", QT_QPA_PLATFORM="offscreen")
    try:
        done = subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        sys.exit(f"cli-docs: could not run {binary}: {error}")
    if done.returncode != 0:
        sys.exit(f"cli-docs: '{' '.join(['fermata', *args])}' exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def parse_entries(lines):
    """'  names   text' rows, with wrapped text on indented continuation lines."""
    entries = []
    for line in lines:
        if not line.strip():
            continue
        match = re.match(r"^  (\S.*?)(?:\s{2,}(.*))?$", line)
        if match and not line.startswith("   "):
            entries.append([match.group(1).strip(), (match.group(2) or "").strip()])
        elif entries:
            entries[-1][1] = (entries[-1][1] + " " + line.strip()).strip()
    return entries


def sections(text):
    """Splits QCommandLineParser's help into its usage line, description and sections."""
    lines = text.rstrip("\n").split("\n")
    result = {"Usage": lines[0], "": [], "Options:": [], "Arguments:": [], "Commands:": []}
    current = ""
    for line in lines[1:]:
        if line in result:
            current = line
        else:
            result[current].append(line)
    while result[""] and not result[""][-1].strip():
        result[""].pop()
    return result


def parse_option(names_part, text):
    value = ""
    match = re.search(r"\s*<([^>]+)>$", names_part) or re.search(r"\s+([A-Z][A-Z_]*)$", names_part)
    if match:
        value = match.group(1)
        names_part = names_part[:match.start()]
    names = [n.strip() for n in names_part.split(",")]
    return Option(names, value, text)


def parse_help(text):
    parts = sections(text)
    help_ = Help(description=parts[""])
    help_.options = [parse_option(n, t) for n, t in parse_entries(parts["Options:"])]
    help_.arguments = [(n, t) for n, t in parse_entries(parts["Arguments:"])]
    return help_


def action_words(text):
    return [w for w in re.findall(r"[a-z][a-z-]*", text) if w not in ("default", "or", "and")]


def collect(binary):
    main = sections(run(binary, "--help"))
    global_options = [parse_option(n, t) for n, t in parse_entries(main["Options:"])]
    intro = [line for line in main[""] if line.strip()]
    commands = []
    for name, summary in parse_entries(main["Commands:"]):
        command = Command(name, summary, parse_help(run(binary, name, "--help")))
        for arg, text in command.help.arguments:
            if arg == "action":
                command.actions = action_words(text)
        base = {tuple(o.names) for o in command.help.options}
        for action in command.actions:
            extra = [o for o in parse_help(run(binary, name, action, "--help")).options
                     if tuple(o.names) not in base]
            if extra:
                command.action_options[action] = extra
        commands.append(command)
    version = run(binary, "--version").split("\n")[0].split()[-1]
    return intro, global_options, commands, version


def release_date():
    match = re.search(r'<release version="[^"]+" date="([0-9-]+)"', METAINFO.read_text())
    return match.group(1) if match else ""


# --- man page -------------------------------------------------------------------------------

def roff(text):
    # Dashes that start an option or stand alone are minus signs; a hyphen inside a word stays.
    text = re.sub(r"(?<![A-Za-z0-9])-[A-Za-z0-9-]*", lambda m: m.group(0).replace("-", "\\-"),
                  text.replace("\\", "\\e"))
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)   # groff reads ASCII
    return re.sub(r"^([.'])", r"\\&\1", text)


def roff_option(option):
    names = ", ".join(f"\\fB{roff(n)}\\fR" for n in option.names)
    value = f" \\fI{roff(option.value)}\\fR" if option.value else ""
    return f".TP\n{names}{value}\n{roff(option.text)}\n"


def roff_description(lines):
    """Prose is filled; indented lines (usage examples) are kept as printed."""
    out, prose, example = [], [], []

    def flush():
        if prose:
            out.append(roff(" ".join(prose)) + "\n")
            prose.clear()
        if example:
            out.append(".PP\n.RS 2\n.nf\n" + "".join(roff(e) + "\n" for e in example) + ".fi\n.RE\n")
            example.clear()

    for line in lines:
        if not line.strip():
            flush()
            out.append(".PP\n")
        elif line.startswith("  "):
            if prose:
                flush()
            example.append(line[2:])
        else:
            if example:
                flush()
            prose.append(line.strip())
    flush()
    text = "".join(out)
    return re.sub(r"(\.PP\n)+", ".PP\n", text).removeprefix(".PP\n")


def is_help(option):
    return any(n in ("--help", "--help-all") for n in option.names)


def man_page(intro, global_options, commands, version):
    page = [
        '.\\" Generated by packaging/linux/cli-docs.py from fermata --help; do not edit by hand.\n',
        f'.TH FERMATA 1 "{release_date()}" "fermata {version}" "User Commands"\n',
        ".SH NAME\nfermata \\- plan focus blocks and hold interruptions until your check\\-in windows\n",
        ".SH SYNOPSIS\n.B fermata\n[\\fB\\-\\-data\\-dir\\fR \\fIDIR\\fR] [\\fB\\-\\-tray\\fR]\n.br\n"
        ".B fermata\n[\\fB\\-\\-data\\-dir\\fR \\fIDIR\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR...] [\\fIARGS\\fR...]\n",
        ".SH DESCRIPTION\n", roff(" ".join(line.strip() for line in intro)) + "\n",
        ".PP\nEvery command prints its own help with \\fB\\-\\-help\\fR; the options below are those it lists.\n",
        ".SH OPTIONS\n", *(roff_option(o) for o in global_options),
        ".SH COMMANDS\n",
    ]
    for command in commands:
        page.append(f".SS {roff(command.name)}\n{roff(command.summary)}.\n.PP\n")
        page.append(roff_description(command.help.description))
        options = [o for o in command.help.options if not is_help(o)]
        if options:
            page.append(".PP\nOptions:\n.RS 4\n" + "".join(roff_option(o) for o in options) + ".RE\n")
        for action, extra in command.action_options.items():
            page.append(f".PP\nOptions of \\fBfermata {roff(command.name)} {roff(action)}\\fR:\n.RS 4\n"
                        + "".join(roff_option(o) for o in extra) + ".RE\n")
        arguments = [(n, t) for n, t in command.help.arguments]
        if arguments:
            page.append(".PP\nArguments:\n.RS 4\n" + "".join(
                f".TP\n\\fI{roff(n)}\\fR\n{roff(t)}\n" for n, t in arguments) + ".RE\n")
    page.append(
        ".SH EXIT STATUS\n.TP\n0\nSuccess.\n.TP\n1\nThe command failed; it says why on standard error.\n"
        ".TP\n2\nThe command line was wrong (an unknown command, option or value).\n"
        ".SH FILES\n.TP\n\\fI~/.local/share/fermata/fermata.sqlite\\fR\n"
        "The database (SQLite), readable by you alone; \\fB\\-\\-data\\-dir\\fR puts it elsewhere.\n"
        ".TP\n\\fI~/.config/fermata/fermata.ini\\fR\nThe settings.\n"
        ".TP\n\\fI$XDG_RUNTIME_DIR\\fR\nThe notification and single\\-instance sockets.\n"
        ".TP\n\\fI/usr/lib/systemd/user/fermata\\-serve.service\\fR\n"
        "Runs \\fBfermata serve\\fR as a systemd user service: "
        "\\fBsystemctl \\-\\-user enable \\-\\-now fermata\\-serve.service\\fR.\n"
        ".SH COPYRIGHT\nFermata is free software under the GNU General Public License, version 3 or "
        "(at your option) any later version (GPL\\-3.0\\-or\\-later). There is NO WARRANTY.\n")
    return "".join(page)


# --- completions ----------------------------------------------------------------------------

def long_names(options):
    return [n for o in options for n in o.names if n.startswith("-")]


def value_options(options):
    return [n for o in options if o.value for n in o.names]


def bash(global_options, commands):
    out = ["# bash completion for fermata. Generated by packaging/linux/cli-docs.py from fermata --help.\n",
           "_fermata()\n{\n",
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n",
           "    local command='' action='' i word\n",
           "    for ((i = 1; i < COMP_CWORD; i++)); do\n",
           "        word=${COMP_WORDS[i]}\n",
           "        case $word in\n",
           "            --data-dir) ((i++)); continue ;;\n",
           "            -*) continue ;;\n",
           "        esac\n",
           "        if [[ -z $command ]]; then command=$word; elif [[ -z $action ]]; then action=$word; fi\n",
           "    done\n",
           "    if [[ $prev == --data-dir ]]; then\n",
           "        COMPREPLY=($(compgen -d -- \"$cur\")); return\n",
           "    fi\n",
           "    local options='' actions='' values=''\n",
           "    case $command in\n",
           f"        '') COMPREPLY=($(compgen -W '{' '.join(long_names(global_options))} "
           f"{' '.join(c.name for c in commands)}' -- \"$cur\")); return ;;\n"]
    for c in commands:
        out.append(f"        {c.name})\n")
        out.append(f"            options='{' '.join(long_names(c.help.options))} --data-dir'\n")
        values = value_options(c.help.options)
        if c.actions:
            out.append(f"            actions='{' '.join(c.actions)}'\n")
        if c.action_options:
            out.append("            case $action in\n")
            for action, extra in c.action_options.items():
                out.append(f"                {action}) options+=' {' '.join(long_names(extra))}' ;;\n")
                values += value_options(extra)
            out.append("            esac\n")
        if values:
            out.append(f"            values='{' '.join(sorted(set(values)))}'\n")
        out.append("            ;;\n")
    out += ["    esac\n",
            "    # An option that takes a value: offer files (an .ics, a folder) and nothing else.\n",
            "    if [[ -n $values && \" $values \" == *\" $prev \"* ]]; then\n",
            "        COMPREPLY=($(compgen -f -- \"$cur\")); return\n",
            "    fi\n",
            "    if [[ $cur == -* ]]; then\n",
            "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n",
            "    elif [[ -n $actions && -z $action ]]; then\n",
            "        COMPREPLY=($(compgen -W \"$actions\" -- \"$cur\"))\n",
            "    else\n",
            "        COMPREPLY=($(compgen -f -- \"$cur\"))\n",
            "    fi\n",
            "}\n",
            "complete -o filenames -F _fermata fermata\n"]
    return "".join(out)


def zsh_quote(text):
    return text.replace("\\", "\\\\").replace("'", "'\\''").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")


def zsh_spec(option):
    spec = []
    for name in option.names:
        value = f":{zsh_quote(option.value)}:_files" if option.value else ""
        spec.append(f"'{name}[{zsh_quote(option.text)}]{value}'")
    return spec


def zsh(global_options, commands):
    out = ["#compdef fermata\n",
           "# zsh completion for fermata. Generated by packaging/linux/cli-docs.py from fermata --help.\n",
           "_fermata() {\n",
           "    local curcontext=$curcontext state line ret=1\n",
           "    local -a commands\n",
           "    commands=(\n"]
    out += [f"        '{c.name}:{zsh_quote(c.summary)}'\n" for c in commands]
    out += ["    )\n",
            "    _arguments -C \\\n"]
    for option in global_options:
        out += [f"        {s} \\\n" for s in zsh_spec(option)]
    out += ["        '1:command:->command' \\\n",
            "        '*::argument:->argument' && ret=0\n",
            "    case $state in\n",
            "        command) _describe -t commands 'fermata command' commands && ret=0 ;;\n",
            "        argument)\n",
            "            case $line[1] in\n"]
    for c in commands:
        options = list(c.help.options)
        seen = {tuple(o.names) for o in options}
        for extra in c.action_options.values():   # zsh offers the union of every action's options
            for o in extra:
                if tuple(o.names) not in seen:
                    seen.add(tuple(o.names))
                    options.append(o)
        specs = [s for o in options for s in zsh_spec(o)]
        if c.actions:
            specs.append(f"'1:action:({' '.join(c.actions)})'")
        specs.append("'*:file:_files'")
        out.append(f"                {c.name}) _arguments \\\n")
        out += [f"                    {s} \\\n" for s in specs[:-1]]
        out.append(f"                    {specs[-1]} && ret=0 ;;\n")
    out += ["            esac ;;\n",
            "    esac\n",
            "    return ret\n",
            "}\n",
            "_fermata \"$@\"\n"]
    return "".join(out)


def fish_quote(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def fish_option(condition, option):
    parts = ["complete -c fermata", f"-n {fish_quote(condition)}"]
    for name in option.names:
        if name.startswith("--"):
            parts.append(f"-l {name[2:]}")
        elif name.startswith("-"):
            parts.append(f"-s {name[1:]}")
    if option.value:
        parts.append("-r")
    parts.append(f"-d {fish_quote(option.text)}")
    return " ".join(parts) + "\n"


def fish(global_options, commands):
    names = " ".join(c.name for c in commands)
    out = ["# fish completion for fermata. Generated by packaging/linux/cli-docs.py from fermata --help.\n",
           "complete -c fermata -f\n"]
    for option in global_options:
        out.append(fish_option("__fish_use_subcommand", option))
    out.append("complete -c fermata -l data-dir -r -F -d 'Keep the database and settings in DIR'\n")
    for c in commands:
        out.append(f"complete -c fermata -n '__fish_use_subcommand' -a {c.name} -d {fish_quote(c.summary)}\n")
    for c in commands:
        in_command = f"__fish_seen_subcommand_from {c.name}"
        for option in c.help.options:
            out.append(fish_option(in_command, option))
        if c.actions:
            acts = " ".join(c.actions)
            out.append(f"complete -c fermata -n {fish_quote(in_command + '; and not __fish_seen_subcommand_from ' + acts)}"
                       f" -a {fish_quote(acts)}\n")
        for action, extra in c.action_options.items():
            for option in extra:
                out.append(fish_option(f"{in_command}; and __fish_seen_subcommand_from {action}", option))
        if any(arg == "file" for arg, _ in c.help.arguments):
            out.append(f"complete -c fermata -n {fish_quote(in_command)} -F\n")
    return "".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("fermata", help="the fermata binary")
    args = parser.parse_args()

    intro, global_options, commands, version = collect(args.fermata)
    files = {
        "fermata.1": man_page(intro, global_options, commands, version),
        "completions/fermata.bash": bash(global_options, commands),
        "completions/_fermata": zsh(global_options, commands),
        "completions/fermata.fish": fish(global_options, commands),
    }
    stale = []
    for name, text in files.items():
        path = HERE / name
        if args.check:
            old = path.read_text() if path.exists() else ""
            if old != text:
                stale.append(name)
                sys.stdout.writelines(difflib.unified_diff(
                    old.splitlines(True), text.splitlines(True), f"packaging/linux/{name}", "from --help", n=1))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if stale:
        print(f"\ncli-docs: {', '.join(stale)} no longer match(es) fermata --help. Regenerate with\n"
              f"  packaging/linux/cli-docs.py {args.fermata}\nand commit the result.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
