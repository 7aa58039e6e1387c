from multiprocessing import Pipe, Process


def shout(end):
    while (text := end.recv()) is not None:  # None: nothing more to do
        end.send(text.upper())
    end.close()


if __name__ == "__main__":
    here, there = Pipe()  # two ends; each can send and receive
    child = Process(target=shout, args=(there,))
    child.start()
    there.close()  # the child's end: the parent keeps only its own
    for word in ["threads", "processes", "pipes"]:
        here.send(word)  # pickled, written to the pipe
        print(f"sent {word!r}, got back {here.recv()!r}")
    here.send(None)
    child.join()
    here.close()
