"""Chapter 054, processes: what the page says about each varying output."""

import re
from ast import literal_eval
from collections import Counter

from tests.expected import cpus, gil_enabled, invariant, number
from tests.expected.timelines import each_lasts, header_and_rows, overlap, second_wave, spans_of

SQUARES_10 = [n**2 for n in range(10)]
FINISHED = "Finished computing!"


@invariant("054/01_two_processes.py")
def children_print_squares_parent_dict_stays_empty(output: str) -> None:
    lines = output.splitlines()
    assert sorted(lines[:2]) == ["1", "4"], "1 and 4 on lines of their own, squares"
    assert lines[2:] == ["{}"]


@invariant("054/02_own_memory.py")
def each_process_has_its_own_dict(output: str) -> None:
    lines = re.findall(r"^(parent|child ) (\d+): results = (.*)$", output, re.M)
    assert len(lines) == 4 == len(output.splitlines())
    (first, parent_pid, before), *children, (last, parent_pid2, after) = lines
    assert (first, last, before, after) == ("parent", "parent", "{}", "{}")
    assert parent_pid == parent_pid2
    assert sorted((literal_eval(d) for _, _, d in children), key=str) == [{1: 1}, {2: 4}]
    pids = {pid for _, pid, _ in children}
    assert len(pids) == 2 and parent_pid not in pids, "three different processes"


@invariant("054/03_ten_processes.py")
def ten_processes_print_every_line_in_some_order(output: str) -> None:
    lines = output.splitlines()
    assert lines[-1] == repr([None] * 10), "the comprehension's list of None"
    body = Counter(lines[:-1])
    assert body.pop(FINISHED) == 10
    assert sorted(int(line) for line in body.elements()) == SQUARES_10


def threads_share_stdout_so_pieces_can_mix(output: str) -> None:
    """Every piece of the ten threads' output is there, in whatever order."""
    assert output.endswith("\n{}\n"), "the function prints; it stores nothing"
    text = output[: -len("{}\n")]
    assert text.count(FINISHED) == 10
    digits = re.sub(r"\s", "", text.replace(FINISHED, ""))
    assert sorted(digits) == sorted("".join(map(str, SQUARES_10)))


@invariant("054/04_threads_print.py")
def buffered_thread_prints_keep_lines_whole(output: str) -> None:
    threads_share_stdout_so_pieces_can_mix(output)
    # The page: to a terminal, with the GIL and Python's default buffering, each line
    # comes out whole (the text and its newline leave in one write)
    lines = output.splitlines()
    assert Counter(lines) == Counter([*map(str, SQUARES_10), *[FINISHED] * 10, "{}"])


@invariant("054/05_lock.py")
def the_lock_keeps_each_pair_together(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 20
    pairs = [(lines[i], lines[i + 1]) for i in range(0, 20, 2)]
    for square, finished in pairs:
        root = round(int(square) ** 0.5)
        assert finished == f"Finished computing {root}!", (square, finished)
    assert sorted(int(square) for square, _ in pairs) == SQUARES_10


@invariant("054/06_pool_map.py")
def pool_map_returns_results_in_order(output: str) -> None:
    lines = output.splitlines()
    assert lines[0] == str(SQUARES_10) and len(lines) == 5
    assert 1 <= number(r"^worker processes used: (\d+)$", output) <= 5
    first = number(r"^first task started: ([\d.]+) s$", output)
    last = number(r"^last task ended: +([\d.]+) s$", output)
    closed = number(r"^pool closed: +([\d.]+) s$", output)
    # The page: two rounds of one-second tasks, between starting the processes and
    # closing the pool
    assert 1.98 <= last - first < 2.6, "10 tasks, 5 at a time"
    assert 0 <= first < 2 and last <= closed + 0.01


@invariant("054/07_process_pool_executor.py")
def executor_map_returns_results_in_order(output: str) -> None:
    lines = output.splitlines()
    assert lines[0] == str(SQUARES_10)
    assert 1.95 <= number(r"^elapsed: ([\d.]+) s$", output) < 4


@invariant("054/10_cpu_bound.py")
def processes_speed_up_cpu_work_threads_do_not(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 6 and lines[2] == "4 tasks in each pool"
    gil = gil_enabled(output)
    assert lines[0] == f"GIL enabled: {gil}"
    usable, _ = cpus(output)

    def pool_line(pool: str) -> list[float]:
        """(seconds, speed-up, CPUs busy) from the pool's line."""
        found = re.search(
            rf"^{pool}: ([\d.]+) s, speed-up ([\d.]+)x, CPUs busy ([\d.]+)$", output, re.M
        )
        return [float(n) for n in found.groups()]

    one, threads, processes = map(pool_line, ("1 thread", "4 threads", "4 processes"))
    assert one[1] == 1.0
    # The work is sized to about 0.4 s on any machine (the speed it measured first
    # can be off by half): long enough to measure
    assert one[0] >= 0.15, "the work is sized by time"
    for _, _, busy in (one, threads, processes):
        assert busy <= usable * 1.05, "no more CPUs busy than usable"
    if gil:
        # The page: "four threads keep about one CPU busy"
        assert threads[2] < 1.3 and threads[1] < 1.3, "threads share one GIL"
    # The page: no faster than the usable CPUs allow, "give or take the noise" (a
    # quarter: pinned to one CPU, 4 processes once measured 1.23x, needing less CPU
    # time for the same work than the thread in the main process did)
    assert processes[1] <= min(4, usable) * 1.25
    # The page: several CPUs busy "is where their speed-up comes from"; below that,
    # processes take turns. Not in proportion: under spawn and forkserver, 1.9 CPUs
    # busy gave 1.38x to 1.66x here (1.9x under fork). With the other CPU taken by a
    # busy loop, about 1.5 CPUs were busy, so the floor starts a little above that
    if processes[2] >= 1.6:
        # The gap to threads is what the page's point rests on (on this project's
        # 2-vCPU VM, 2 of about 28 unpinned runs gave only 1.11x and 1.18x)
        assert processes[1] > 1.05 and processes[1] > threads[1] + 0.15, "own GIL each"


@invariant("054/08_queue.py")
def queue_delivers_every_result(output: str) -> None:
    arrivals = literal_eval(number_free(output, "in order of arrival: "))
    assert sorted(arrivals) == [(n, n**2) for n in range(5)]
    assert literal_eval(number_free(output, "as a dict: ")) == {n: n**2 for n in range(5)}


@invariant("054/09_manager_dict.py")
def manager_dict_collects_both_results(output: str) -> None:
    name, _, rest = output.strip().partition(" ")
    assert name == "DictProxy"
    assert literal_eval(rest) == {1: 1, 2: 4}


@invariant("054/11_start_methods.py")
def only_fork_children_see_changes_made_in_main(output: str) -> None:
    lines = output.splitlines()
    minor, system = re.fullmatch(r"Python 3\.(\d+) on (\w+)", lines[0]).groups()
    default = re.fullmatch(r"default start method: (\w+)", lines[1])[1]
    if system in ("darwin", "win32"):
        assert default == "spawn"
    elif system == "linux":  # forkserver from 3.14, as the page's table says
        assert default == ("fork" if int(minor) <= 13 else "forkserver"), "the version's default"
    seen = dict(re.findall(r"^ *(\w+): the child sees SETTING = '(.*)'$", output, re.M))
    assert default in seen and len(seen) == len(lines) - 2
    for method, value in seen.items():
        expected = "changed in __main__ before start()" if method == "fork" else "set at import"
        assert value == expected, method


@invariant("054/12_spawn_pickles_the_target.py")
def spawn_and_forkserver_must_pickle_the_target(output: str) -> None:
    rows = re.findall(r"^ *(\w+), +(\S+): (.*)$", output, re.M)
    assert rows and {name for _, name, _ in rows} == {"square", "<lambda>"}
    for method, name, outcome in rows:
        if name == "square" or method == "fork":
            assert outcome == "ran, exit code 0", (method, name, outcome)
        else:
            assert re.match(r"(\w+\.)?(PicklingError|AttributeError): ", outcome), outcome
    ran = sum(outcome.startswith("ran") for _, _, outcome in rows)
    assert output.count("9\n") == ran, "every process that ran printed 3 squared"


@invariant("054/14_threads_print_unbuffered.py")
def unbuffered_thread_prints_break_lines(output: str) -> None:
    runs = re.findall(r"^run (\d+): (\d+) of (\d+) lines broken$", output, re.M)
    assert [int(run) for run, _, _ in runs] == list(range(1, len(runs) + 1))
    assert all(broken == "0" for _, broken, _ in runs[:-1]), "it stops at the first break"
    _, broken, total = runs[-1]
    assert int(broken) > 0, "120 runs and not one broken line"
    shown = output.split("its output:\n", 1)[1]
    whole = {str(n) for n in SQUARES_10} | {FINISHED, "{}"}
    assert len(shown.splitlines()) == int(total)
    assert sum(line not in whole for line in shown.splitlines()) == int(broken)
    threads_share_stdout_so_pieces_can_mix(shown)


@invariant("054/15_queue_join.py")
def a_big_queue_item_keeps_its_child_alive_until_read(output: str) -> None:
    assert output.splitlines() == [
        "1,000 bytes put, nothing read yet:",
        "  alive after join(timeout=3): False",
        "  after get() and join(): alive False, exit code 0, 1,000 bytes received",
        "1,000,000 bytes put, nothing read yet:",
        "  alive after join(timeout=3): True",
        "  after get() and join(): alive False, exit code 0, 1,000,000 bytes received",
    ]


def number_free(output: str, prefix: str) -> str:
    """The rest of the line that starts with `prefix`."""
    match = re.search(rf"^{re.escape(prefix)}(.*)$", output, re.M)
    assert match, f"no line starts with {prefix!r}"
    return match[1]


@invariant("054/13_timeline.py")
def process_timeline_overlaps_after_a_start_up_delay(output: str) -> None:
    header_and_rows(output, 10, worker="process")
    processes = spans_of(output, "processes")
    assert [call for call, *_ in processes] == list(range(5))
    assert len({worker for _, worker, _, _ in processes}) == 5
    each_lasts(processes, 1, 2)
    # The page: "the bars overlap ... but they don't start at zero" (how late they
    # start is up to the start method and the machine: 1.01 s in a crowded build)
    overlap(processes)
    assert all(start > 0 for _, _, start, _ in processes)
    # The page: "the pool starts its three processes once, when it is created: calls
    # 3 and 4 ran in processes the first calls had used (the names repeat), each once
    # the call before it in that process had ended"
    pool = spans_of(output, "pool")
    assert [call for call, *_ in pool] == list(range(5))
    first, second = pool[:3], pool[3:]
    assert len({worker for _, worker, _, _ in first}) == 3
    each_lasts(pool, 1, 2)
    second_wave(first, second)
