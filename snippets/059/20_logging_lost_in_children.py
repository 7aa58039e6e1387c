import logging
import multiprocessing


def work():
    log = logging.getLogger("work")
    log.info("started")
    log.warning("half done")


if __name__ == "__main__":
    # Configured in the main process only
    logging.basicConfig(
        level=logging.INFO, format="%(processName)s %(levelname)s %(message)s"
    )
    for method in multiprocessing.get_all_start_methods():
        print(f"--- {method}")
        child = multiprocessing.get_context(method).Process(target=work)
        child.start()
        child.join()
