// Loads a case with the installed Parley (io), computes its deal space (analysis) and renders it
// as JSON (report); prints the outcome count and the number of frontier points.
#include <iostream>

#include "parley/analysis/deal_space.h"
#include "parley/io/case_reader.h"
#include "parley/io/diagnostic.h"
#include "parley/report/deal_space_report.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: parley_consumer CASE\n";
    return 2;
  }
  const parley::io::LoadResult loaded = parley::io::LoadCase(argv[1]);
  for (const parley::io::Diagnostic& d : loaded.diagnostics) {
    std::cerr << parley::io::FormatDiagnostic(d) << '\n';
  }
  if (!loaded.Ok()) return 3;
  const parley::analysis::DealSpace space = parley::analysis::AnalyseDealSpace(*loaded.value);
  const auto json = parley::report::DealSpaceJson(*loaded.value, space, argv[1], {});
  std::cout << "outcomes " << space.frontier.outcome_count.ToString() << '\n'
            << "frontier " << space.frontier.points.size() << '\n'
            << "json outcome_count " << json["outcome_count"].dump() << '\n';
  return 0;
}
