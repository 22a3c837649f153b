#include "parley/power/lenses.h"

#include <algorithm>

namespace parley::power {
namespace {

// One input of a lens component: a power source or a structural score.
enum class Input { kSource, kBatna, kTime, kAuthority };
struct InputRef {
  Input kind;
  PowerSource source = PowerSource::kSituational;
  const char* Name() const {
    switch (kind) {
      case Input::kSource:
        return PowerSourceName(source);
      case Input::kBatna:
        return "batna";
      case Input::kTime:
        return "time";
      case Input::kAuthority:
        return "authority";
    }
    return "";
  }
};

InputRef S(PowerSource s) { return {Input::kSource, s}; }
constexpr InputRef kBatnaInput{Input::kBatna};
constexpr InputRef kTimeInput{Input::kTime};
constexpr InputRef kAuthorityInput{Input::kAuthority};

double Score(const InputRef& in, const PartySources& p, const StructuralScores& s) {
  switch (in.kind) {
    case Input::kSource:
      return p.sources[static_cast<int>(in.source)].score;
    case Input::kBatna:
      return s.batna;
    case Input::kTime:
      return s.time;
    case Input::kAuthority:
      return s.authority;
  }
  return 0;
}

LensComponent Component(const char* name, const char* covers, std::vector<InputRef> inputs,
                        const SourceAssessment& sources,
                        const std::vector<StructuralScores>& structural) {
  LensComponent c;
  c.name = name;
  c.covers = covers;
  for (const InputRef& in : inputs) c.inputs.push_back(in.Name());
  double total = 0;
  for (std::size_t p = 0; p < sources.power.size(); ++p) {
    double sum = 0;
    for (const InputRef& in : inputs) sum += Score(in, sources.power[p], structural[p]);
    c.score.push_back(sum / static_cast<double>(inputs.size()));
    total += c.score.back();
  }
  for (double s : c.score) {
    c.share.push_back(total > 0 ? s / total : 1.0 / static_cast<double>(c.score.size()));
  }
  return c;
}

}  // namespace

std::vector<StructuralScores> ComputeStructuralScores(const Case& c,
                                                      const SourceAssessment& sources,
                                                      const Leverage& leverage,
                                                      const PowerOptions& options) {
  double most_patient = 0;
  for (const PartyLeverage& p : leverage.parties) {
    most_patient = std::max(most_patient, p.patience_weight);
  }
  std::vector<StructuralScores> out;
  for (const std::string& id : sources.parties) {
    StructuralScores s;
    s.party = id;
    s.batna = s.time = s.authority = options.unscored_score;
    if (const PartyLeverage* lev = leverage.Find(id)) {
      s.batna = 5 * std::clamp(lev->disagreement, 0.0, 1.0);
      s.batna_known = true;
      if (most_patient > 0) {
        s.time = 5 * lev->patience_weight / most_patient;
        s.time_known = true;
      }
    }
    for (const Stakeholder& st : c.stakeholders) {
      if (st.party != id) continue;
      double authority = st.formal.value_or(0);
      if (st.veto) authority = 5;
      if (!st.formal && !st.veto) continue;
      s.authority = s.authority_known ? std::max(s.authority, authority) : authority;
      s.authority_known = true;
    }
    out.push_back(s);
  }
  return out;
}

std::vector<Lens> ComputeLenses(const SourceAssessment& sources,
                                const std::vector<StructuralScores>& structural) {
  using P = PowerSource;
  Lens first{"positional/psychological/systemic", {}};
  first.components.push_back(Component(
      "positional", "alternatives, resources, status and legal position",
      {S(P::kSituational), S(P::kOrganizational), kBatnaInput, kTimeInput}, sources, structural));
  first.components.push_back(
      Component("psychological", "reading people, framing choices, building trust",
                {S(P::kPersonal), S(P::kKnowledge), S(P::kPlanning)}, sources, structural));
  first.components.push_back(
      Component("systemic", "industry, internal politics, culture and networks around the table",
                {S(P::kInformation), S(P::kOrganizational), kAuthorityInput}, sources, structural));
  Lens second{"position/resource/expert", {}};
  second.components.push_back(
      Component("position", "formal authority and the place one negotiates from",
                {S(P::kOrganizational), kAuthorityInput, S(P::kSituational)}, sources, structural));
  second.components.push_back(
      Component("resource", "alternatives, time and the means to wait or walk away",
                {kBatnaInput, kTimeInput, S(P::kSituational)}, sources, structural));
  second.components.push_back(
      Component("expert", "knowledge, data, preparation and credibility",
                {S(P::kKnowledge), S(P::kInformation), S(P::kPlanning), S(P::kPersonal)}, sources,
                structural));
  return {first, second};
}

}  // namespace parley::power
