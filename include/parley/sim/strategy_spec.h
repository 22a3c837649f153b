#pragma once

/// A strategy written as one string, the same in the CLI, the server and Python:
/// `name`, `name(key=value,...)`, where a value is a number or, for the parts of a composite
/// strategy, another spec: `boa(offer=timedep(e=2),accept=combi(t=0.98),model=frequency)`.
/// Spaces around names, `=`, `,` and parentheses are allowed. ParseStrategySpec only reads the
/// text; the registry (strategy_registry.h) checks names, parameters and ranges.
///
///   const parley::sim::StrategySpec s = parley::sim::ParseStrategySpec("boulware(e=0.2)");
///   // s.name == "boulware", s.args[0].key == "e", std::get<double>(s.args[0].value) == 0.2

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace parley::sim {

struct StrategySpec;

/// One `key=value` of a spec.
struct SpecArg {
  std::string key;
  std::variant<double, std::vector<StrategySpec>> value;  ///< a number, or exactly one spec
};

/// A parsed strategy spec.
struct StrategySpec {
  std::string name;
  std::vector<SpecArg> args;  ///< in the order written
};

/// The most characters a spec may have.
inline constexpr std::size_t kMaxSpecLength = 1000;

/// Reads `text`. Names are [a-z_][a-z0-9_]*; numbers are finite decimals. Throws
/// Error(kUsage) saying what is wrong and at which character ("strategy 'boa(offer=' : expected
/// a name or a number at character 11"), also for text over kMaxSpecLength characters or nested
/// more than 8 deep. O(length).
StrategySpec ParseStrategySpec(const std::string& text);

/// The spec written back in its canonical form (no spaces, numbers in shortest form). O(size).
std::string FormatStrategySpec(const StrategySpec& spec);

}  // namespace parley::sim
