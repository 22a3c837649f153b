#pragma once

/// What `parley frontier` prints: the deal space (frontier, bargaining solutions, ZOPA) as
/// terminal text or JSON.
///
///   const auto space = parley::analysis::AnalyseDealSpace(c);
///   std::cout << parley::report::RenderDealSpaceText(c, space, {});

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/deal_space.h"
#include "parley/core/case.h"

namespace parley::report {

/// How the deal space is shown.
struct DealSpaceView {
  std::size_t rows = 40;   ///< most frontier rows in the text table (solutions are always shown)
  std::string svg_file;    ///< the chart written beside the report, if any (named in the output)
  std::uint64_t seed = 1;  ///< the seed of the chart's sample and of a Monte Carlo ZOPA count
};

/// The deal space as terminal text: the header, the frontier table (at most view.rows rows plus
/// every solution point, each marked N, K, E, U or W), the ZOPA and the legend. O(frontier
/// points + solution points) lines of output at most view.rows + solution points long.
std::string RenderDealSpaceText(const Case& c, const analysis::DealSpace& d,
                                const DealSpaceView& view);

/// The JSON of `parley frontier --format json` (docs/cli.md): command, file, parties,
/// outcome_count, method, epsilon, disagreement, frontier, solutions, zopa, and svg when a chart
/// was written. O(frontier points x issues).
nlohmann::ordered_json DealSpaceJson(const Case& c, const analysis::DealSpace& d,
                                     const std::string& file, const DealSpaceView& view);

/// Writes JsonText(DealSpaceJson(c, d, file, view)) to `out`, byte for byte, one frontier point
/// at a time: memory O(solution points + one point) beyond the deal space, so a frontier of
/// 10^6 points is written without a tree of it. O(frontier points x issues).
void WriteDealSpaceJson(std::ostream& out, const Case& c, const analysis::DealSpace& d,
                        const std::string& file, const DealSpaceView& view);

/// The ZOPA as JSON: exists, acceptable_count, count_exact, count_method, share, seed and
/// samples (Monte Carlo only), spans_exact, spans, explanation.
nlohmann::ordered_json ZopaJson(const Case& c, const analysis::Zopa& z);

}  // namespace parley::report
