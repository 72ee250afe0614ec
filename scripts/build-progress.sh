#!/usr/bin/env bash
# Condenses `swift build`'s output for a script that would otherwise be silent for minutes while it builds:
#   swift build --product pactkit 2>&1 | scripts/build-progress.sh pactkit
# prints `    pactkit: 30% (372/1238 steps, 41 s; compiling NIOCore)` whenever another tenth of the build's steps is done
# or BUILD_PROGRESS_INTERVAL seconds (default 20) passed since the last line, then `    pactkit: built in 95 s`
# (or `up to date` when nothing was compiled). Compiler errors, with the lines that follow them up to the
# next build step, and linker failures pass through as they come, so a failed build says why.
set -uo pipefail

label=${1:-build}
interval=${BUILD_PROGRESS_INTERVAL:-20}
start=$SECONDS
last_print=$SECONDS
last_tenth=0
compiled=0
passing_error=0

while IFS= read -r line; do
    if [[ $line =~ ^\[([0-9]+)/([0-9]+)\]\ (Compiling|Emitting\ module|Linking|Write|Building|Running)\ ?([^ ]*) ]]; then
        passing_error=0
        done_steps=${BASH_REMATCH[1]}
        total=${BASH_REMATCH[2]}
        action=${BASH_REMATCH[3]}
        subject=${BASH_REMATCH[4]}
        [ "$action" = Compiling ] && compiled=1
        [ "$compiled" -eq 1 ] && [ "$total" -gt 0 ] || continue
        tenth=$(( done_steps * 10 / total ))
        now=$SECONDS
        if [ "$tenth" -gt "$last_tenth" ] || [ $(( now - last_print )) -ge "$interval" ]; then
            [ "$tenth" -gt "$last_tenth" ] && last_tenth=$tenth
            last_print=$now
            what=$(echo "$action" | tr '[:upper:]' '[:lower:]')
            [ -n "$subject" ] && what="$what $subject"
            echo "    $label: $(( done_steps * 100 / total ))% ($done_steps/$total steps, $(( now - start )) s; $what)"
        fi
    elif [[ $line == *"error:"* || $line == *"ld: "* || $line == "error"* ]]; then
        passing_error=1
        echo "$line"
    elif [[ $line =~ ^Build\ (of\ product\ .*\ )?complete ]]; then
        passing_error=0
        if [ "$compiled" -eq 0 ]; then
            echo "    $label: up to date"
        else
            echo "    $label: built in $(( SECONDS - start )) s"
        fi
    elif [ "$passing_error" -eq 1 ]; then
        echo "$line"
    fi
done
