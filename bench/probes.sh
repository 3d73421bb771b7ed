# Sourced by run.sh and churn.sh: probes in bash alone (no curl, no procps: CI machines may have only a JDK and
# Maven).

http_status() { # host port path -> the HTTP status, or nothing when no answer
    local status=""
    if { exec 3<>"/dev/tcp/$1/$2"; } 2>/dev/null; then
        printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$3" "$1" >&3
        read -r -t 10 _ status _ <&3 || true
        exec 3<&- 3>&-
    fi
    echo "$status"
}

await() { # port path seconds log process
    local status=""
    for _ in $(seq "$3"); do
        status=$(http_status 127.0.0.1 "$1" "$2")
        if [ "$status" = 200 ]; then return 0; fi
        if ! kill -0 "$5" 2>/dev/null; then
            echo "the process writing $4 ended before http://127.0.0.1:$1$2 answered" >&2
            break
        fi
        sleep 1
    done
    echo "not answering: http://127.0.0.1:$1$2 (last status: ${status:-none}); the end of $4:" >&2
    tail -n 60 "$4" | cut -c1-400 >&2
    return 1
}

pid_of() { # a pattern of the command line -> the first process whose command line matches it
    local cmdline
    for dir in /proc/[0-9]*; do
        cmdline=$(tr '\0' ' ' < "$dir/cmdline" 2>/dev/null) || continue
        if [[ "$cmdline" =~ $1 ]]; then echo "${dir#/proc/}"; return 0; fi
    done
    echo 0
}
