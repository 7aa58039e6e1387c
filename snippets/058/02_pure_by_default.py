import random

from dask.distributed import Client, LocalCluster


def draw(_):
    return random.randint(1, 1_000_000)  # a different number on every call


if __name__ == "__main__":
    # One worker process on this machine, reachable from it only
    with (
        LocalCluster(
            n_workers=1, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        # Dask takes a function to be pure: the same function with the same
        # arguments get one key, run once, and all callers share the result
        first, second = client.submit(draw, 0), client.submit(draw, 0)
        print("pure=True (the default):")
        print("  one key for both:", first.key == second.key)
        print("  results:", first.result(), second.result())

        first = client.submit(draw, 0, pure=False)
        second = client.submit(draw, 0, pure=False)
        print("pure=False:")
        print("  one key for both:", first.key == second.key)
        print("  results:", first.result(), second.result())
