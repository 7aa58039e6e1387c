"""Chapter 059, when it breaks: each failure shows its message, each fix works."""

import re
from ast import literal_eval

from tests.expected import invariant, number

BOOTSTRAPPING = (
    "An attempt has been made to start a new process before the "
    "current process has finished its bootstrapping phase."
)


def words(text: str) -> str:
    return " ".join(text.split())


def method_blocks(output: str) -> dict[str, list[str]]:
    """The lines printed under each `--- <start method>` header."""
    blocks: dict[str, list[str]] = {}
    for line in output.splitlines():
        if line.startswith("--- "):
            blocks[line[4:]] = []
        else:
            blocks[list(blocks)[-1]].append(line)
    return blocks


def results_then(output: str, rest: str) -> list[str]:
    """`result: n` lines, n counting from 0, then what follows (the rest)."""
    lines = output.splitlines()
    results = [line for line in lines if line.startswith("result: ")]
    assert results == [f"result: {n * n}" for n in range(len(results))]
    assert lines[: len(results)] == results, "results come first, in order"
    assert re.search(rest, "\n".join(lines[len(results) :]), re.S), rest
    return results


@invariant("059/01_no_main_guard.py")
def a_child_without_the_guard_fails_while_bootstrapping(output: str) -> None:
    assert BOOTSTRAPPING in words(output)
    assert "RuntimeError:" in output and "hello from the child" not in output
    assert output.splitlines()[-1] == "the child exited with code 1"


@invariant("059/02_main_guard.py")
def with_the_guard_every_method_works(output: str) -> None:
    lines = output.splitlines()
    methods = [line.split(":")[0] for line in lines[::2]]
    assert "spawn" in methods and len(lines) == 2 * len(methods)
    for method, hello, code in zip(methods, lines[::2], lines[1::2], strict=True):
        assert hello == f"{method}: hello from the child"
        assert code == f"{method}: the child exited with code 0"


@invariant("059/03_pool_in_a_session.py")
def a_session_function_kills_every_worker_and_map_waits(output: str) -> None:
    missing = "AttributeError: Can't get attribute 'square' on <module '__main__'"
    # chunksize 1: each of the four tasks kills the worker that took it
    assert output.count(missing) == 4
    assert "Timeout (0:00:05)!" in output
    main_stack = output.split("\n\n")[-1]
    assert re.search(r"line \d+ in map\n  File \"<string>\", line 8 in <module>\n", main_stack)
    assert "[0, 1, 4, 9]" not in output
    assert "the session ended with exit code 1" in output.splitlines()


@invariant("059/05_cannot_pickle.py")
def three_things_pickle_cannot_send(output: str) -> None:
    version, *lines = output.splitlines()
    assert re.fullmatch(r"Python 3\.\d+\.\d+\S*", version)
    assert lines[::2] == ["a lambda:", "a local function:", "a lock as an argument:"]
    lam, local, lock = lines[1::2]
    assert re.fullmatch(r"  _?pickle\.PicklingError: Can't pickle <function <lambda>.*", lam)
    # AttributeError up to 3.13, PicklingError from 3.14
    assert re.fullmatch(
        r"  (builtins\.AttributeError|_?pickle\.PicklingError): "
        r"Can't (pickle|get) local object .*make_adder\.<locals>\.add_n.*",
        local,
    )
    assert lock == "  builtins.TypeError: cannot pickle '_thread.lock' object"


@invariant("059/08_worker_killed_retry.py")
def a_retry_alone_finds_the_task_that_kills(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 3
    lost = literal_eval(lines[0].removeprefix("lost when the pool broke: "))
    assert 2 in lost and set(lost) <= set(range(6))
    assert lines[1] == "task 2 kills its worker every time: left out"
    assert literal_eval(lines[2]) == {n: n * n for n in range(6) if n != 2}


def fork_warning_expected(output: str) -> bool:
    minor = number(r"^Python 3\.(\d+)\.\d+", output)
    return minor >= 12


@invariant("059/09_fork_with_threads.py")
def a_forked_child_finds_the_lock_held(output: str) -> None:
    warning = re.search(
        r"DeprecationWarning: This process \(pid=\d+\) is multi-threaded, "
        r"use of fork\(\) may lead to deadlocks in the child\.",
        output,
    )
    assert bool(warning) == fork_warning_expected(output), "warned from 3.12 on"
    assert output.splitlines()[-1] == "child: lock taken within 0.5 s: False"


@invariant("059/10_spawn_with_threads.py")
def a_spawned_child_has_a_lock_of_its_own(output: str) -> None:
    lines = output.splitlines()
    assert re.fullmatch(r"Python 3\.\d+\.\d+\S*", lines[0])
    assert lines[1:] == ["child: lock taken within 0.5 s: True"], "and no warning"


@invariant("059/11_lock_order_deadlock.py")
def two_threads_wait_for_each_other(output: str) -> None:
    assert output.startswith("Timeout (0:00:02)!\n")
    stacks = output.strip().split("\n\n")
    assert len(stacks) == 3, "two transfer threads and the main thread"
    assert sum(bool(re.search(r"\n  File .*, line 14 in transfer\n", s)) for s in stacks) == 2
    assert re.search(r"line \d+ in join\n.*line 25 in <module>$", stacks[2], re.S)
    assert "done" not in output


@invariant("059/12_lock_order_fixed.py")
def one_order_no_deadlock(output: str) -> None:
    lines = output.splitlines()
    assert sorted(lines[:2]) == ["alice -> bob: done", "bob -> alice: done"]
    assert lines[2:] == ["both transfers done"]


@invariant("059/13_exception_in_a_thread.py")
def a_thread_prints_its_exception_and_nothing_else_knows(output: str) -> None:
    assert output.startswith("Exception in thread Thread-1 (inverse):\nTraceback")
    assert output.count("Traceback") == 1, "the executor's exception is printed nowhere"
    assert output.count("ZeroDivisionError: division by zero") == 1
    assert output.splitlines()[-2:] == [
        "main thread: goes on, and knows nothing",
        "main thread: the executor's exception was never seen",
    ]


@invariant("059/14_exception_reaches_main.py")
def result_raises_in_the_main_thread(output: str) -> None:
    assert sorted(output.splitlines()) == [
        "1/0 failed: ZeroDivisionError('division by zero')",
        "1/2 = 0.5",
        "1/4 = 0.25",
    ]


@invariant("059/15_remote_traceback.py")
def the_workers_traceback_comes_along(output: str) -> None:
    remote, _, local = output.partition("The above exception was the direct cause")
    assert remote.startswith("concurrent.futures.process._RemoteTraceback:")
    assert re.search(r"line \d+, in parse\n", remote), "the worker's own frames"
    assert "in parse" not in local and "future.result()" in local
    assert local.splitlines()[-1] == "ValueError: invalid literal for int() with base 10: 'two'"


@invariant("059/16_ctrl_c_in_a_pool.py")
def ctrl_c_raises_in_main_and_waits_for_the_pool(output: str) -> None:
    results_then(output, r"^Traceback .*\nKeyboardInterrupt\n")
    assert output.count("Traceback") == 1, "no worker printed one"
    waited = number(r"^the program ended ([\d.]+) s after Ctrl\+C$", output)
    assert waited >= 0.5, "not at once: the with block waited for queued tasks"


@invariant("059/17_ctrl_c_handled.py")
def ctrl_c_handled_cancels_what_waits(output: str) -> None:
    results = results_then(output, r"^interrupted: \d+ tasks done, \d+ cancelled$")
    assert "Traceback" not in output
    done = number(r"^interrupted: (\d+) tasks done", output)
    cancelled = number(r"tasks done, (\d+) cancelled$", output)
    assert done + cancelled == 8 and cancelled >= 1 and done >= len(results)


@invariant("059/18_shared_memory_leaked.py")
def the_tracker_reports_the_block_nobody_unlinked(output: str) -> None:
    lines = output.splitlines()
    assert lines[:2] == ["child reads: b'hello'", "main: done"]
    assert re.search(
        r"UserWarning: resource_tracker: There appear to be 1 leaked "
        r"shared_memory objects to clean up at shutdown",
        output,
    )


def both_records_formatted(method: str, lines: list[str]) -> None:
    """The child's two records, written by the main process's formatted handler."""
    name = {"fork": "Fork", "spawn": "Spawn", "forkserver": "ForkServer"}[method]
    assert len(lines) == 2
    assert re.fullmatch(rf"{name}Process-\d+ INFO started", lines[0])
    assert re.fullmatch(rf"{name}Process-\d+ WARNING half done", lines[1])


@invariant("059/20_logging_lost_in_children.py")
def children_started_afresh_have_no_logging_setup(output: str) -> None:
    blocks = method_blocks(output)
    assert "spawn" in blocks
    for method, lines in blocks.items():
        if method == "fork":  # the child inherits the configured root logger
            both_records_formatted(method, lines)
        else:  # INFO lost; WARNING bare, from logging's last-resort handler
            assert lines == ["half done"]


@invariant("059/21_logging_through_a_queue.py")
def every_record_reaches_the_main_process(output: str) -> None:
    blocks = method_blocks(output)
    assert "spawn" in blocks
    for method, lines in blocks.items():
        both_records_formatted(method, lines)


@invariant("059/22_logging_from_threads.py")
def every_record_is_a_whole_line(output: str) -> None:
    lines = output.splitlines()
    pairs = [re.fullmatch(r"worker-(\d): step (\d) of task (\d)", line) for line in lines]
    assert all(pairs) and len(lines) == 12
    assert all(m[1] == m[3] for m in pairs)
    # The threads take turns: no thread logs all three steps before another starts
    threads = [m[1] for m in pairs]
    assert threads[:3] != [threads[0]] * 3
    assert sorted((m[1], m[2]) for m in pairs) == [
        (str(t), str(s)) for t in range(4) for s in range(3)
    ]


@invariant("059/07_worker_killed.py")
def a_killed_worker_breaks_an_executor_and_stalls_a_pool(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 4
    assert lines[0] == "Process: exitcode -9", "killed by signal 9"
    assert lines[1] == (
        "ProcessPoolExecutor: BrokenProcessPool: A process in the process pool was "
        "terminated abruptly while the future was running or pending."
    )
    before = literal_eval(lines[2].removeprefix("Pool: workers "))
    after = literal_eval(lines[3].removeprefix("Pool: no result after 3 s; workers now "))
    assert len(before) == len(after) == 2
    assert len(set(before) & set(after)) == 1, "one worker replaced"
