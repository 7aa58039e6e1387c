from concurrent.futures import ProcessPoolExecutor


def parse(line):
    key, value = line.split("=")
    return key, int(value)


def parse_all(lines):
    return dict(parse(line) for line in lines)


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(parse_all, ["a=1", "b=two"])
        print(future.result())
