#pragma once

/// Strategies built by name, through an explicit registry: each entry states its parameters
/// with their ranges and defaults, so one string (strategy_spec.h) builds the same strategy in
/// every face, `parley strategies` lists them, and a wrong name or value is a clear error:
/// "unknown strategy 'boulwre'; did you mean 'boulware'?", "boulware: e must be from 0 to 100,
/// not 200". BuiltinStrategies() holds every strategy of this module (docs/simulation.md).
///
/// A strategy may need the case and its preparation brief (plan::BuildBrief): the factory gets a
/// BuildContext holding both. An entry with needs_brief set is only built when the context
/// carries a brief; a face builds the brief once (and only) when a spec asks for one.
///
///   const parley::sim::StrategyRegistry& registry = parley::sim::BuiltinStrategies();
///   std::unique_ptr<parley::sim::Strategy> s =
///       registry.Build("boa(offer=timedep(e=2),accept=combi(t=0.98),model=frequency)", {&c});

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/case.h"
#include "parley/sim/strategy.h"
#include "parley/sim/strategy_spec.h"

namespace parley::plan {
struct Brief;
}  // namespace parley::plan

namespace parley::sim {

/// What an entry is: a whole strategy, or a part a composite strategy takes.
enum class EntryKind { kStrategy, kOffer, kAccept, kModel };

/// "strategy", "offer", "accept", "model".
const char* EntryKindName(EntryKind kind);

/// One parameter of an entry.
struct ParamInfo {
  std::string name;
  std::string help;
  /// A number in [min, max]...
  double min = 0, max = 0;
  /// ...with this default; nullopt when the default is computed (see default_text).
  std::optional<double> default_value;
  /// The default as a person reads it ("0.2", "the reservation utility", "timedep(e=1)").
  std::string default_text;
  /// Set when the value is a part (a spec of that kind), not a number.
  std::optional<EntryKind> part;
};

/// One registered strategy or part.
struct StrategyInfo {
  std::string name;
  EntryKind kind = EntryKind::kStrategy;
  std::string summary;  ///< one sentence
  std::string source;   ///< where the definition comes from
  std::vector<ParamInfo> params;
  bool needs_brief = false;  ///< built only with a plan::Brief in the context
};

struct ResolvedPart;

/// A spec checked against its entry, every parameter present (given or default).
struct ResolvedSpec {
  const StrategyInfo* info = nullptr;
  /// Number parameters in the entry's order; nullopt: the computed default.
  std::vector<std::pair<std::string, std::optional<double>>> numbers;
  std::vector<ResolvedPart> parts;  ///< part parameters, in order

  /// The number parameter `name` (must exist), nullopt for a computed default.
  std::optional<double> Number(const std::string& name) const;
  /// The part parameter `name` (must exist).
  const ResolvedSpec& Part(const std::string& name) const;
  /// The canonical text, every parameter written ("boulware(e=0.2,k=0)").
  std::string Text() const;
};

/// One part parameter of a resolved spec: its name and the part.
struct ResolvedPart {
  std::string name;
  ResolvedSpec spec;
};

/// What a factory may read besides the spec.
struct BuildContext {
  const Case* c = nullptr;             ///< the case (may be null for a bare listing)
  const plan::Brief* brief = nullptr;  ///< the preparation brief, when one was built
};

/// The registry.
class StrategyRegistry {
 public:
  using Factory =
      std::function<std::unique_ptr<Strategy>(const ResolvedSpec&, const BuildContext&)>;

  /// Adds an entry; parts (kind other than kStrategy) have no factory. Throws Error(kInternal)
  /// when the name is taken for that kind.
  void Add(StrategyInfo info, Factory factory = {});
  /// Every entry, in the order added.
  const std::vector<StrategyInfo>& Entries() const { return infos_; }
  /// The entry named `name` of kind `kind`, or nullptr.
  const StrategyInfo* Find(const std::string& name, EntryKind kind) const;
  /// Parses and checks `text` as an entry of kind `kind`. Throws Error(kUsage): the parser's
  /// errors, an unknown name (with the closest name), an unknown or repeated parameter (with the
  /// closest), a number where a part is expected or the reverse, a value out of range.
  /// O(length x entries).
  ResolvedSpec Resolve(const std::string& text, EntryKind kind = EntryKind::kStrategy) const;
  /// True when the strategy `text` names needs a brief. Throws as Resolve.
  bool NeedsBrief(const std::string& text) const;
  /// Builds the strategy `text`. Throws as Resolve, and Error(kUsage) when it needs a brief and
  /// the context has none.
  std::unique_ptr<Strategy> Build(const std::string& text, const BuildContext& context) const;
  /// Builds the strategy `spec` resolved by this registry (Resolve once, build many: no parsing
  /// or name lookup). Throws Error(kUsage) when it needs a brief and the context has none.
  std::unique_ptr<Strategy> Build(const ResolvedSpec& spec, const BuildContext& context) const;

 private:
  ResolvedSpec Check(const StrategySpec& spec, EntryKind kind, const std::string& text) const;

  std::vector<StrategyInfo> infos_;
  std::vector<Factory> factories_;
};

/// Every strategy of this module, registered once (thread-safe static): timedep, boulware,
/// linear, conceder, hardliner, relative_tft, averaged_tft, micro, hardheaded, random, boa and
/// parley (which needs the brief), with the offer, accept and model parts boa takes.
const StrategyRegistry& BuiltinStrategies();

/// Adds the built-in strategies and parts to `registry` (what BuiltinStrategies holds), so a
/// face can start from them and add its own (the `parley` strategy, which plays the brief).
void RegisterBuiltinStrategies(StrategyRegistry& registry);

}  // namespace parley::sim
