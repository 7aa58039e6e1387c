import logging
import logging.handlers
import multiprocessing


def work(queue):
    # The child sends its records to the main process instead of writing them
    root = logging.getLogger()
    root.handlers = [logging.handlers.QueueHandler(queue)]
    root.setLevel(logging.INFO)
    log = logging.getLogger("work")
    log.info("started")
    log.warning("half done")


if __name__ == "__main__":
    logging.basicConfig(
        level=logging.INFO, format="%(processName)s %(levelname)s %(message)s"
    )
    for method in multiprocessing.get_all_start_methods():
        print(f"--- {method}")
        context = multiprocessing.get_context(method)
        queue = context.Queue()
        # One thread of the main process writes every record, with its handlers
        listener = logging.handlers.QueueListener(
            queue, *logging.getLogger().handlers
        )
        child = context.Process(target=work, args=(queue,))
        child.start()  # before the listener's thread: fork copies no thread
        listener.start()
        child.join()
        listener.stop()  # writes what is still queued, then ends the thread
