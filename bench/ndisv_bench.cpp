//===- ndisv_bench.cpp - ndisv against clang -fsyntax-only, time and memory ===//
// SPDX-License-Identifier: Apache-2.0
//
// The project measures speed and memory only as a ratio against
// `clang -fsyntax-only` on the same sources: absolute seconds depend on the
// machine, the ratio says what ndisv costs on top of merely parsing the
// driver. Both tools run as child processes (fork+exec+wait4) so that each
// one's peak RSS comes from the kernel, not from guesses inside ndisv, and so
// that a crash in either cannot take the benchmark down.
//
// The clang command line is built with ndisv::collectJobs and
// ndisv::clangArgsFor, the functions ndisv itself uses, so the two sides see
// exactly the same flags, include paths and files and can never drift apart.
//===----------------------------------------------------------------------===//

#include "ndisv/Frontend/Frontend.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <map>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#ifndef NDISV_BIN
#error "NDISV_BIN must name the ndisv executable"
#endif

namespace {

struct ChildRun {
  double Seconds = 0;
  double MaxRssMB = 0;
  int ExitCode = -1; // -1: did not exit normally
};

/// Runs Argv with stdout/stderr sent to \p OutFile (or /dev/null) and
/// returns its wall time and the peak RSS the kernel recorded for it.
ChildRun runChild(const std::vector<std::string> &Argv, const std::string &OutFile = "") {
  std::vector<char *> Args;
  for (const std::string &A : Argv)
    Args.push_back(const_cast<char *>(A.c_str()));
  Args.push_back(nullptr);
  ChildRun R;
  auto T0 = std::chrono::steady_clock::now();
  pid_t Pid = fork();
  if (Pid == 0) {
    int Fd = OutFile.empty() ? open("/dev/null", O_WRONLY)
                             : open(OutFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (Fd >= 0) {
      dup2(Fd, 1);
      dup2(Fd, 2);
    }
    setenv("NDISV_DATA_DIR", NDISV_DATA_DIR, 1);
    execv(Args[0], Args.data());
    _exit(127);
  }
  if (Pid < 0)
    return R;
  int Status = 0;
  struct rusage Usage;
  std::memset(&Usage, 0, sizeof(Usage));
  // wait4 gives this child's own rusage; getrusage(RUSAGE_CHILDREN) would
  // report the maximum over all children ever waited for.
  if (wait4(Pid, &Status, 0, &Usage) < 0)
    return R;
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - T0).count();
  R.MaxRssMB = Usage.ru_maxrss / 1024.0; // Linux reports KiB
  if (WIFEXITED(Status))
    R.ExitCode = WEXITSTATUS(Status);
  return R;
}

/// One generated driver and the clang command lines that parse it.
struct Driver {
  std::string Dir;
  double Kloc = 0; // physical lines of .c and .h, / 1000
  std::vector<std::vector<std::string>> ClangCommands;
  std::string Error;
};

/// The clang command lines (and line count) for the driver at D.Dir: a
/// directory or a project file, read as ndisv reads it.
void addClangCommands(Driver &D);

Driver prepare(int Kloc) {
  Driver D;
  llvm::SmallString<256> Dir(NDISV_BENCH_WORK_DIR);
  llvm::sys::path::append(Dir, "drv-" + std::to_string(Kloc) + "k");
  D.Dir = std::string(Dir.str());
  // Generated once per run: the generator is deterministic, so re-running it
  // makes the sources exactly the ones the figures were taken on.
  ChildRun Gen = runChild({NDISV_PYTHON, NDISV_GEN_SCRIPT, "--kloc", std::to_string(Kloc), "--seed", "1",
                           "--out", D.Dir});
  if (Gen.ExitCode != 0) {
    D.Error = "gen_miniport.py failed for --kloc " + std::to_string(Kloc);
    return D;
  }
  addClangCommands(D);
  return D;
}

void addClangCommands(Driver &D) {
  ndisv::FrontendOptions Opts;
  llvm::SmallString<256> Model(NDISV_DATA_DIR);
  llvm::sys::path::append(Model, "model", "include");
  Opts.ModelIncludeDir = std::string(Model.str()); // what runCheck fills in
  Opts.ResourceDir = NDISV_CLANG_RESOURCE_DIR;
  auto Jobs = ndisv::collectJobs({D.Dir}, Opts);
  if (!Jobs) {
    D.Error = llvm::toString(Jobs.takeError());
    return;
  }
  // One clang process per distinct flag set (one for a pure-C driver): a
  // single process is how a build checks syntax, and ndisv compiles all TUs
  // in one process too.
  std::map<std::vector<std::string>, std::vector<std::string>> Groups;
  for (const ndisv::CompileJob &J : *Jobs)
    Groups[ndisv::clangArgsFor(J, Opts)].push_back(J.File);
  for (auto &[Flags, Files] : Groups) {
    std::vector<std::string> Cmd{NDISV_CLANG, "-fsyntax-only"};
    Cmd.insert(Cmd.end(), Flags.begin(), Flags.end());
    Cmd.insert(Cmd.end(), Files.begin(), Files.end());
    D.ClangCommands.push_back(std::move(Cmd));
  }
  size_t Lines = 0;
  for (const ndisv::CompileJob &J : *Jobs)
    if (auto Buf = llvm::MemoryBuffer::getFile(J.File))
      Lines += (*Buf)->getBuffer().count('\n');
  D.Kloc = Lines / 1000.0; // the TUs' own lines (headers are shared)
}

const Driver &driverFor(int Kloc) {
  static std::map<int, Driver> Cache;
  auto It = Cache.find(Kloc);
  if (It == Cache.end())
    It = Cache.emplace(Kloc, prepare(Kloc)).first;
  return It->second;
}

void measure(benchmark::State &State, const Driver &D, bool DefectsExpected);

void BM_NdisvVsClang(benchmark::State &State) {
  measure(State, driverFor(static_cast<int>(State.range(0))), false);
}

/// Public drivers from a local corpus (NDISV_BENCH_CORPUS): paths below it,
/// as the fetched repositories lay them out.
struct RealDriver {
  const char *Name, *Path;
};
const RealDriver RealDrivers[] = {
    {"netvmini680", "Windows-driver-samples/network/ndis/netvmini/6x/680/netvmini680.vcxproj"},
    {"tap-windows6", "tap-windows6/src/tap-windows6.vcxproj"},
    {"SDV-FailDriver-NDIS", "Windows-driver-samples/tools/sdv/samples/SDV-FailDriver-NDIS/driver/sdvmp.vcxproj"},
    {"wintun", "wintun/driver/driver.vcxproj"},
};

/// Google Benchmark 1.7 keeps the pointer SkipWithError is given, not the
/// text: a message built on the spot must outlive the run.
const char *lasting(std::string Msg) {
  static std::deque<std::string> Kept;
  return Kept.emplace_back(std::move(Msg)).c_str();
}

void measure(benchmark::State &State, const Driver &D, bool DefectsExpected) {
  if (!D.Error.empty()) {
    State.SkipWithError(D.Error.c_str());
    return;
  }
  llvm::SmallString<256> Report(NDISV_BENCH_WORK_DIR);
  llvm::sys::path::append(Report, llvm::sys::path::stem(D.Dir) + ".ndisv.txt");
  double NdisvSum = 0, ClangSum = 0, NdisvJ1Sum = 0;
  double NdisvRss = 0, ClangRss = 0, NdisvJ1Rss = 0;
  bool Inconclusive = false, ClangErrors = false;
  int64_t N = 0;
  for (auto _ : State) {
    ChildRun V = runChild({NDISV_BIN, "check", D.Dir}, std::string(Report));
    // Exit 0 is the contract for the unplanted driver; 1 would be a false
    // alarm, 2 nothing verified: either way the timing would be meaningless.
    // Public drivers may have real defects (1).
    if (V.ExitCode != 0 && !(DefectsExpected && V.ExitCode == 1)) {
      State.SkipWithError(lasting("ndisv check exited " + std::to_string(V.ExitCode) + "; see " + std::string(Report)));
      return;
    }
    ChildRun C;
    for (const auto &Cmd : D.ClangCommands) {
      ChildRun Part = runChild(Cmd);
      // A public driver may use MSVC C that clang rejects and ndisv
      // recovers (docs/inputs.md): clang still parsed it all, so its time
      // stands, and the counter says so. The generated driver must parse.
      ClangErrors |= Part.ExitCode == 1;
      if (Part.ExitCode != 0 && !(DefectsExpected && Part.ExitCode == 1)) {
        std::string Line = "clang -fsyntax-only exited " + std::to_string(Part.ExitCode) + ":";
        for (const std::string &A : Cmd)
          Line += " " + A;
        State.SkipWithError(lasting(Line));
        return;
      }
      C.Seconds += Part.Seconds;
      C.MaxRssMB = std::max(C.MaxRssMB, Part.MaxRssMB);
    }
    ChildRun V1 = runChild({NDISV_BIN, "check", "-j", "1", D.Dir});
    State.SetIterationTime(V.Seconds);
    NdisvSum += V.Seconds;
    ClangSum += C.Seconds;
    NdisvJ1Sum += V1.Seconds;
    NdisvRss = std::max(NdisvRss, V.MaxRssMB);
    NdisvJ1Rss = std::max(NdisvJ1Rss, V1.MaxRssMB);
    ClangRss = std::max(ClangRss, C.MaxRssMB);
    ++N;
  }
  if (auto Buf = llvm::MemoryBuffer::getFile(Report))
    Inconclusive = (*Buf)->getBuffer().contains("inconclusive");
  if (N == 0)
    return;
  auto &Ctr = State.counters;
  Ctr["kloc"] = D.Kloc;
  Ctr["ndisv_s"] = NdisvSum / N;
  Ctr["clang_s"] = ClangSum / N;
  Ctr["time_ratio"] = NdisvSum / ClangSum;
  Ctr["ndisv_j1_s"] = NdisvJ1Sum / N;
  Ctr["time_ratio_j1"] = NdisvJ1Sum / ClangSum;
  Ctr["ndisv_maxrss_mb"] = NdisvRss;
  Ctr["ndisv_j1_maxrss_mb"] = NdisvJ1Rss;
  Ctr["clang_maxrss_mb"] = ClangRss;
  Ctr["mem_ratio"] = NdisvRss / ClangRss;
  Ctr["inconclusive"] = Inconclusive ? 1 : 0; // a budget was hit: the time is not a full verification
  Ctr["clang_errors"] = ClangErrors ? 1 : 0;  // clang rejected constructs ndisv recovers
}

BENCHMARK(BM_NdisvVsClang)
    ->ArgName("kloc")
    ->Arg(1)
    ->Arg(10)
    ->Arg(50)
    ->Arg(100)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0); // a few runs of the larger sizes, many of the small ones

} // namespace

int main(int argc, char **argv) {
  benchmark::Initialize(&argc, argv);
  // Real drivers: only where a corpus was fetched (CI has no network).
  const char *Corpus = std::getenv("NDISV_BENCH_CORPUS");
  if (!Corpus)
    std::fprintf(stderr, "ndisv-bench: NDISV_BENCH_CORPUS is not set: public drivers skipped "
                         "(see bench/README.md)\n");
  for (const RealDriver &R : RealDrivers) {
    if (!Corpus)
      break;
    llvm::SmallString<256> Path(Corpus);
    llvm::sys::path::append(Path, R.Path);
    if (!llvm::sys::fs::exists(Path)) {
      std::fprintf(stderr, "ndisv-bench: %s not found: %s skipped\n", Path.c_str(), R.Name);
      continue;
    }
    std::string P(Path.str());
    benchmark::RegisterBenchmark(R.Name,
                                 [P](benchmark::State &St) {
                                   static std::map<std::string, Driver> Cache;
                                   auto It = Cache.find(P);
                                   if (It == Cache.end()) {
                                     Driver D;
                                     D.Dir = P;
                                     addClangCommands(D);
                                     It = Cache.emplace(P, std::move(D)).first;
                                   }
                                   measure(St, It->second, true);
                                 })
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->MinTime(2.0);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
