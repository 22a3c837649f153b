#pragma once

// Domains shared by the frontier benchmarks (frontier_bench, frontier_probe): seeded random
// additive domains and the GENIUS corpus listed in shared/data/genius/index.json.

#include <cstdint>
#include <string>
#include <vector>

#include "parley/core/case.h"

namespace parley::bench {

/// How party b's values relate to party a's in a random domain.
enum class Correlation {
  kCorrelated,      ///< b = a + noise: small frontiers
  kIndependent,     ///< b drawn independently of a
  kAntiCorrelated,  ///< b = 100 - a + noise: large frontiers
};

/// "corr", "indep", "anti".
const char* CorrelationName(Correlation correlation);

/// A seeded random additive domain: two money-form parties and `issues` options issues of
/// `values` options each. Party a values each option uniformly in [0, 100]; party b as set by
/// `correlation`, with noise uniform in [-10, 10].
Case RandomDomain(int issues, int values, Correlation correlation, std::uint64_t seed = 7);

/// A seeded random additive domain of `parties` money-form parties (ids p0, p1, ...) and
/// `issues` options issues of `values` options each, every option splitting 100 among the parties
/// at random (uniform draws, normalised): interests conflict on every issue, so the frontier is
/// large (the many-party benchmarks).
Case SplitDomain(int parties, int issues, int values, std::uint64_t seed = 7);

/// One corpus scenario of index.json.
struct CorpusEntry {
  std::string name;    ///< e.g. "Car", "anl2023/domain00"
  std::string format;  ///< "genius-xml" or "geniusweb-json"
  std::string domain_path;
  std::vector<std::string> profile_paths;
};

/// The shared/ folder: $PARLEY_SHARED_DIR if set, else the path configured at build time.
std::string SharedDir();

/// Every scenario of index.json with a known format (GENIUS XML, GeniusWeb JSON); empty when
/// the corpus is absent.
std::vector<CorpusEntry> CorpusEntries();

/// Imports a corpus scenario through parley::io. Throws std::runtime_error with the first
/// diagnostic when the import fails.
Case LoadCorpusCase(const CorpusEntry& entry);

/// A domain named as the probe and the script name them: "random:ISSUESxVALUES:CORR" (CORR one
/// of corr, indep, anti) or "corpus:NAME". Throws std::runtime_error for an unknown name.
Case LoadNamedDomain(const std::string& name);

/// The example examples/NAME.yaml of the source tree. Throws std::runtime_error when it cannot
/// be read.
Case LoadExample(const std::string& name);

/// LoadExample with every number issue on a step above 1 put on a step of 1 (amounts in whole
/// units: fine grids are normal input). Throws as LoadExample.
Case LoadFineExample(const std::string& name);

/// The random ladder's names followed by the corpus names, in benchmark order.
std::vector<std::string> AllDomainNames();

}  // namespace parley::bench
