package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// `tend completion bash|zsh|fish` prints a completion script made from the
// command table: the commands, each command's flags, the values of the
// flags that take a fixed set, and the words after the command. Goal names
// come from the database when completing, through the hidden
// `tend __complete-goals`, which only reads (with the same --db, if one was
// typed).

func completionCommand(*flag.FlagSet) func(Env, []string) error {
	return func(env Env, args []string) error {
		var script string
		switch args[0] {
		case "bash":
			script = bashCompletion()
		case "zsh":
			script = zshCompletion()
		case "fish":
			script = fishCompletion()
		default:
			return usagef("tend completes in bash, zsh or fish; try `tend completion bash`")
		}
		_, err := io.WriteString(env.Out, script)
		return err
	}
}

// completionFlags is a command's flags for completion: its own and --help.
func completionFlags(c command) []flagInfo {
	return append(c.flagList(), flagInfo{name: "help", usage: "show this command's help"})
}

func flagWords(fl []flagInfo) string {
	words := make([]string, len(fl))
	for i, f := range fl {
		words[i] = "--" + f.name
	}
	return strings.Join(words, " ")
}

func commandNames() string {
	var out []string
	for _, c := range visible() {
		out = append(out, c.name)
	}
	return strings.Join(out, " ")
}

// caseDialect is how bash and zsh each say the same offers: words, files
// or goal names.
type caseDialect struct {
	words        func(words string) string
	files, goals string
}

var (
	bashCases = caseDialect{
		words: func(ws string) string { return fmt.Sprintf("COMPREPLY=($(compgen -W %q -- \"$cur\"))", ws) },
		files: `COMPREPLY=($(compgen -f -- "$cur"))`,
		goals: "_tend_goals",
	}
	zshCases = caseDialect{
		words: func(ws string) string { return "compadd -- " + ws },
		files: "_files",
		goals: `local -a goals=(${(f)"$(tend $db __complete-goals 2>/dev/null)"}); compadd -a goals`,
	}
)

// writeCases writes the case blocks bash and zsh share, from the command
// table: a flag's value, a command's flags, and the words after a command.
func writeCases(b *strings.Builder, d caseDialect) {
	for _, c := range visible() {
		for _, f := range completionFlags(c) {
			switch {
			case f.values != nil:
				fmt.Fprintf(b, "    %s:--%s) %s; return ;;\n", c.name, f.name, d.words(strings.Join(f.values, " ")))
			case f.file:
				fmt.Fprintf(b, "    %s:--%s) %s; return ;;\n", c.name, f.name, d.files)
			case f.goal:
				fmt.Fprintf(b, "    %s:--%s) %s; return ;;\n", c.name, f.name, d.goals)
			case f.takesValue:
				fmt.Fprintf(b, "    %s:--%s) return ;;\n", c.name, f.name)
			}
		}
	}
	b.WriteString("    esac\n    if [[ $cur == -* ]]; then\n        case $cmd in\n")
	for _, c := range visible() {
		fmt.Fprintf(b, "        %s) %s ;;\n", c.name, d.words(flagWords(completionFlags(c))))
	}
	b.WriteString("        esac\n        return\n    fi\n    case $cmd in\n")
	for _, c := range visible() {
		if len(c.subs) == 0 {
			if o := d.offer(c.arg); o != "" {
				fmt.Fprintf(b, "    %s) %s ;;\n", c.name, o)
			}
			continue
		}
		// The first word after the command is a sub-command; the words
		// after that are the sub-command's.
		subs := make([]string, len(c.subs))
		for i, sc := range c.subs {
			subs[i] = sc.name
		}
		fmt.Fprintf(b, "    %s) case $sub in\n        '') %s ;;\n", c.name, d.words(strings.Join(subs, " ")))
		for _, sc := range c.subs {
			if o := d.offer(sc.arg); o != "" {
				fmt.Fprintf(b, "        %s) %s ;;\n", sc.name, o)
			}
		}
		b.WriteString("        esac ;;\n")
	}
}

// offer is how the dialect offers words of kind k: "" when nothing does.
func (d caseDialect) offer(k argKind) string {
	switch k {
	case argNone:
		return ""
	case argGoal:
		return d.goals
	case argFile:
		return d.files
	}
	return d.words(strings.Join(argValues(k), " "))
}

func bashCompletion() string {
	var b strings.Builder
	b.WriteString(`# bash completion for tend, made by ` + "`tend completion bash`" + `.
_tend_goals() {
    local IFS=$'\n' g
    for g in $(tend "${_tend_db[@]}" __complete-goals 2>/dev/null); do
        [[ ${g,,} == "${cur,,}"* ]] && COMPREPLY+=("$(printf '%q' "$g")")
    done
}

_tend() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= sub= i
    local -a _tend_db=()
    COMPREPLY=()
    # bash splits --db=PATH into --db, = and PATH (= is in COMP_WORDBREAKS);
    # with = taken out of it, PATH stays one word, --db=PATH.
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --db) if [[ ${COMP_WORDS[i+1]} == = ]]; then
                _tend_db=(--db "${COMP_WORDS[i+2]}"); ((i += 2))
            else
                _tend_db=(--db "${COMP_WORDS[i+1]}"); ((i++))
            fi ;;
        --db=*) _tend_db=(--db "${COMP_WORDS[i]#--db=}") ;;
        -*) ;;
        *) if [[ -z $cmd ]]; then cmd=${COMP_WORDS[i]}; elif [[ -z $sub ]]; then sub=${COMP_WORDS[i]}; fi ;;
        esac
    done
    if [[ $prev == --db && $cur == = ]]; then
        COMPREPLY=($(compgen -f -- ""))
        return
    fi
    if [[ $prev == --db || ($prev == = && ${COMP_WORDS[COMP_CWORD-2]} == --db) ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
        return
    fi
    if [[ $cur == --db=* ]]; then
        COMPREPLY=($(compgen -f -P --db= -- "${cur#--db=}"))
        return
    fi
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "` + commandNames() + ` --db --help --version" -- "$cur"))
        return
    fi
    case $cmd:$prev in
`)
	writeCases(&b, bashCases)
	b.WriteString("    esac\n}\ncomplete -F _tend tend\n")
	return b.String()
}

// zshQuote quotes s for a single-quoted zsh word.
func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func zshCompletion() string {
	var b strings.Builder
	b.WriteString(`#compdef tend
# zsh completion for tend, made by ` + "`tend completion zsh`" + `.
_tend() {
    local cmd= sub= prev=${words[CURRENT-1]} cur=${words[CURRENT]} i
    local -a db
    for ((i = 2; i < CURRENT; i++)); do
        case ${words[i]} in
        --db) db=(--db ${words[i+1]}); ((i++)) ;;
        --db=*) db=(--db ${words[i]#--db=}) ;;
        -*) ;;
        *) if [[ -z $cmd ]]; then cmd=${words[i]}; elif [[ -z $sub ]]; then sub=${words[i]}; fi ;;
        esac
    done
    if [[ $prev == --db ]]; then
        _files
        return
    fi
    if [[ -z $cmd ]]; then
        local -a cmds=(
`)
	for _, c := range visible() {
		fmt.Fprintf(&b, "            %s\n", zshQuote(c.name+":"+c.about))
	}
	b.WriteString(`        )
        if [[ $cur == -* ]]; then
            compadd -- --db --help --version
        else
            _describe command cmds
        fi
        return
    fi
    case $cmd:$prev in
`)
	writeCases(&b, zshCases)
	b.WriteString(`    esac
}
if [[ $funcstack[1] == _tend ]]; then
    _tend "$@"
else
    compdef _tend tend
fi
`)
	return b.String()
}

// fishQuote quotes s for a single-quoted fish word.
func fishQuote(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}

func fishCompletion() string {
	var b strings.Builder
	b.WriteString(`# fish completion for tend, made by ` + "`tend completion fish`" + `.
function __tend_goals
    set -l args (commandline -opc)
    set -l db
    for i in (seq (count $args))
        if test "$args[$i]" = --db; and test $i -lt (count $args)
            set db --db $args[(math $i + 1)]
        else if string match -q -- '--db=*' $args[$i]
            set db --db (string replace -- --db= '' $args[$i])
        end
    end
    tend $db __complete-goals 2>/dev/null
end
complete -c tend -f
complete -c tend -l db -r -F -d 'the database file'
complete -c tend -n __fish_use_subcommand -l version -d "print tend's version"
`)
	for _, c := range visible() {
		fmt.Fprintf(&b, "complete -c tend -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.about))
	}
	for _, c := range visible() {
		seen := fishQuote("__fish_seen_subcommand_from " + c.name)
		for _, f := range completionFlags(c) {
			line := fmt.Sprintf("complete -c tend -n %s -l %s", seen, f.name)
			switch {
			case f.values != nil:
				line += " -x -a " + fishQuote(strings.Join(f.values, " "))
			case f.file:
				line += " -r -F"
			case f.goal:
				line += " -x -a '(__tend_goals)'"
			case f.takesValue:
				line += " -x"
			}
			fmt.Fprintf(&b, "%s -d %s\n", line, fishQuote(firstClause(f.usage)))
		}
		if len(c.subs) == 0 {
			fishArgs(&b, seen, c.arg)
			continue
		}
		subs := make([]string, len(c.subs))
		for i, sc := range c.subs {
			subs[i] = sc.name
		}
		fmt.Fprintf(&b, "complete -c tend -n %s -a %s\n",
			fishQuote("__fish_seen_subcommand_from "+c.name+"; and not __fish_seen_subcommand_from "+strings.Join(subs, " ")),
			fishQuote(strings.Join(subs, " ")))
		for _, sc := range c.subs {
			fishArgs(&b, fishQuote("__fish_seen_subcommand_from "+c.name+"; and __fish_seen_subcommand_from "+sc.name), sc.arg)
		}
	}
	return b.String()
}

// fishArgs is the fish line offering words of kind k once cond holds.
func fishArgs(b *strings.Builder, cond string, k argKind) {
	switch k {
	case argGoal:
		fmt.Fprintf(b, "complete -c tend -n %s -a '(__tend_goals)'\n", cond)
	case argFile:
		fmt.Fprintf(b, "complete -c tend -n %s -F\n", cond)
	case argNone:
	default:
		fmt.Fprintf(b, "complete -c tend -n %s -a %s\n", cond, fishQuote(strings.Join(argValues(k), " ")))
	}
}

// firstClause shortens a flag's help to fit a completion menu.
func firstClause(s string) string {
	s, _, _ = strings.Cut(s, ";")
	s, _, _ = strings.Cut(s, " (")
	return s
}
