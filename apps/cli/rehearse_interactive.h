#pragma once

// `parley rehearse CASE --interactive`: the user plays us line by line against one counterpart.

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>

#include "cli_common.h"

namespace parley::cli {

struct InteractiveOptions {
  std::string file;
  std::string them;  // one strategy; empty: boulware
  std::uint64_t rounds = 100;
  std::uint64_t seed = 1;
  bool echo = false;  // write each command read after its prompt (input not from a terminal)
};

/// Reads commands from `in` (one per line; end of input is quit) and prints the session to
/// `out` (flushed at each prompt, so a person at a terminal sees it), errors to io.err. Returns
/// the exit code.
int RunInteractiveRehearse(Io& io, const InteractiveOptions& options, std::istream& in,
                           std::ostream& out);

/// The same on standard input and output, echoing the commands when standard input is not a
/// terminal. Text only: --format json is a usage error, as is more than one --them strategy.
int RunInteractiveRehearse(Io& io, InteractiveOptions options);

}  // namespace parley::cli
