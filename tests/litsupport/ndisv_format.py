"""lit test format for ndisv's driver tests (a module so lit's worker
processes can unpickle it)."""
import os
import lit.formats


class DriverTest(lit.formats.ShTest):
    """A directory holding verify.test is one multi-file driver: only
    verify.test runs; its .c/.cpp files are sources, not tests."""

    def getTestsInDirectory(self, testSuite, path_in_suite, litConfig, localConfig):
        source = testSuite.getSourcePath(path_in_suite)
        multi = os.path.exists(os.path.join(source, "verify.test"))
        for test in super().getTestsInDirectory(testSuite, path_in_suite, litConfig, localConfig):
            if multi and not test.path_in_suite[-1].endswith(".test"):
                continue
            yield test
