#pragma once

/// The method's two further lenses (docs/power-model.md, "The two further lenses"): three
/// structural inputs per party (BATNA, time, authority, each 0..5), then the
/// positional/psychological/systemic and position/resource/expert views of the six sources and
/// those inputs, each component the mean of its inputs with every party's share. A view only:
/// it feeds neither the weights nor the prediction. Shown by `parley power`. O(parties).
///
///   const std::vector<parley::power::StructuralScores> structural =
///       parley::power::ComputeStructuralScores(c, sources, leverage, options);
///   for (const parley::power::Lens& lens : parley::power::ComputeLenses(sources, structural))
///     for (const parley::power::LensComponent& k : lens.components) std::cout << k.name << '\n';

#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/power/leverage.h"
#include "parley/power/sources.h"

namespace parley::power {

/// One component of a lens (e.g. "positional"): a 0..5 score per party, the mean of its inputs,
/// and each party's share of the component.
struct LensComponent {
  std::string name;
  std::string covers;               ///< what it covers, in words
  std::vector<std::string> inputs;  ///< source names and structural inputs it averages
  std::vector<double> score;        ///< per party (SourceAssessment::parties order), 0..5
  std::vector<double> share;        ///< score_p / sum (1/n when all are 0)
};

/// One of the method's two further lenses over the same assessment.
struct Lens {
  std::string name;  ///< "positional/psychological/systemic" or "position/resource/expert"
  std::vector<LensComponent> components;
};

/// The structural inputs of the lenses for one party, each on 0..5 (docs/power-model.md):
/// batna = 5 x clamp(disagreement utility, 0, 1); time = 5 x patience_weight / the largest
/// patience_weight; authority = the highest `formal` among the party's stakeholders (5 when one
/// holds a veto). A party that states no values, or has no stakeholders with `formal`, gets
/// options.unscored_score for that input.
struct StructuralScores {
  std::string party;
  double batna = 0;
  double time = 0;
  double authority = 0;
  bool batna_known = false, time_known = false, authority_known = false;
};

/// The structural inputs of every party, in SourceAssessment::parties order.
std::vector<StructuralScores> ComputeStructuralScores(const Case& c,
                                                      const SourceAssessment& sources,
                                                      const Leverage& leverage,
                                                      const PowerOptions& options);

/// The two lenses: positional (situational, organizational, batna, time) / psychological
/// (personal, knowledge, planning) / systemic (information, organizational, authority); and
/// position (organizational, authority, situational) / resource (batna, time, situational) /
/// expert (knowledge, information, planning, personal). O(parties).
std::vector<Lens> ComputeLenses(const SourceAssessment& sources,
                                const std::vector<StructuralScores>& structural);

}  // namespace parley::power
