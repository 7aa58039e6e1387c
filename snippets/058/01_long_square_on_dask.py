import os
import time

from dask.distributed import Client, LocalCluster


def long_square(num):
    time.sleep(1)
    return num**2


def run(client):
    workers = client.scheduler_info()["workers"].values()
    threads = sum(worker["nthreads"] for worker in workers)
    print(f"cluster: {len(workers)} workers, {threads} threads in all")

    start = time.perf_counter()
    # Like pool.map: the function and each argument travel to the workers
    futures = client.map(long_square, range(10))
    print(client.gather(futures))
    print(f"elapsed: {time.perf_counter() - start:.2f} s")

    # client.run calls a function once on every worker
    pids = client.run(os.getpid)  # {worker address: its process id}
    print(f"this script's process: {os.getpid()}")
    print(f"worker processes: {sorted(pids.values())}")


if __name__ == "__main__":
    address = os.environ.get("DASK_SCHEDULER_ADDRESS")
    if address:  # a real cluster: `dask scheduler` and `dask worker ADDRESS`
        with Client(address) as client:
            run(client)
    else:  # a cluster of local processes, reachable from this machine only
        with (
            LocalCluster(
                n_workers=2,
                threads_per_worker=5,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",  # on a free port
            ) as cluster,
            Client(cluster) as client,
        ):
            run(client)
