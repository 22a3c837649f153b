#include "parley/sim/strategy_registry.h"

#include <algorithm>

#include "parley/core/closest_match.h"
#include "parley/core/error.h"
#include "parley/core/issue.h"

namespace parley::sim {

const char* EntryKindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kStrategy:
      return "strategy";
    case EntryKind::kOffer:
      return "offer";
    case EntryKind::kAccept:
      return "accept";
    case EntryKind::kModel:
      break;
  }
  return "model";
}

std::optional<double> ResolvedSpec::Number(const std::string& name) const {
  for (const auto& [key, value] : numbers) {
    if (key == name) return value;
  }
  throw Error(ErrorCode::kInternal, "no parameter '" + name + "'");
}

const ResolvedSpec& ResolvedSpec::Part(const std::string& name) const {
  for (const ResolvedPart& part : parts) {
    if (part.name == name) return part.spec;
  }
  throw Error(ErrorCode::kInternal, "no part '" + name + "'");
}

std::string ResolvedSpec::Text() const {
  std::string out = info->name;
  std::vector<std::string> args;
  for (const ParamInfo& p : info->params) {
    if (p.part) {
      args.push_back(p.name + "=" + Part(p.name).Text());
    } else if (const std::optional<double> x = Number(p.name)) {
      args.push_back(p.name + "=" + FormatNumber(*x));
    }
  }
  if (args.empty()) return out;
  out += '(';
  for (std::size_t i = 0; i < args.size(); ++i) out += (i ? "," : "") + args[i];
  return out + ')';
}

void StrategyRegistry::Add(StrategyInfo info, Factory factory) {
  if (Find(info.name, info.kind) != nullptr) {
    throw Error(ErrorCode::kInternal, "strategy '" + info.name + "' registered twice");
  }
  infos_.push_back(std::move(info));
  factories_.push_back(std::move(factory));
}

const StrategyInfo* StrategyRegistry::Find(const std::string& name, EntryKind kind) const {
  for (const StrategyInfo& info : infos_) {
    if (info.name == name && info.kind == kind) return &info;
  }
  return nullptr;
}

namespace {

[[noreturn]] void Fail(const std::string& text, const std::string& what) {
  throw Error(ErrorCode::kUsage, "strategy '" + text + "': " + what);
}

std::string Hint(const std::string& word, const std::vector<std::string>& names) {
  const std::string hint = DidYouMean(word, names);
  if (!hint.empty()) return "; " + hint;
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  return list.empty() ? "" : " (one of: " + list + ")";
}

}  // namespace

ResolvedSpec StrategyRegistry::Check(const StrategySpec& spec, EntryKind kind,
                                     const std::string& text) const {
  const StrategyInfo* info = Find(spec.name, kind);
  if (info == nullptr) {
    std::vector<std::string> names;
    for (const StrategyInfo& i : infos_) {
      if (i.kind == kind) names.push_back(i.name);
    }
    const std::string what = kind == EntryKind::kStrategy ? "strategy" : EntryKindName(kind);
    Fail(text, "unknown " + what + " '" + spec.name + "'" + Hint(spec.name, names));
  }
  std::vector<std::string> names;
  for (const ParamInfo& p : info->params) names.push_back(p.name);
  for (std::size_t a = 0; a < spec.args.size(); ++a) {
    const std::string& key = spec.args[a].key;
    if (std::find(names.begin(), names.end(), key) == names.end()) {
      Fail(text, info->name + " has no parameter '" + key + "'" + Hint(key, names));
    }
    for (std::size_t b = 0; b < a; ++b) {
      if (spec.args[b].key == key) Fail(text, info->name + ": '" + key + "' is given twice");
    }
  }
  ResolvedSpec out;
  out.info = info;
  for (const ParamInfo& p : info->params) {
    const auto given = std::find_if(spec.args.begin(), spec.args.end(),
                                    [&](const SpecArg& arg) { return arg.key == p.name; });
    if (p.part) {
      if (given == spec.args.end()) {
        out.parts.push_back({p.name, Check(ParseStrategySpec(p.default_text), *p.part, text)});
        continue;
      }
      const auto* sub = std::get_if<std::vector<StrategySpec>>(&given->value);
      if (sub == nullptr)
        Fail(text, info->name + ": " + p.name + " must name a part, not a number");
      out.parts.push_back({p.name, Check(sub->front(), *p.part, text)});
      continue;
    }
    if (given == spec.args.end()) {
      out.numbers.emplace_back(p.name, p.default_value);
      continue;
    }
    const auto* x = std::get_if<double>(&given->value);
    if (x == nullptr) Fail(text, info->name + ": " + p.name + " must be a number");
    if (*x < p.min || *x > p.max) {
      Fail(text, info->name + ": " + p.name + " must be from " + FormatNumber(p.min) + " to " +
                     FormatNumber(p.max) + ", not " + FormatNumber(*x));
    }
    out.numbers.emplace_back(p.name, *x);
  }
  return out;
}

ResolvedSpec StrategyRegistry::Resolve(const std::string& text, EntryKind kind) const {
  return Check(ParseStrategySpec(text), kind, text);
}

bool StrategyRegistry::NeedsBrief(const std::string& text) const {
  return Resolve(text).info->needs_brief;
}

std::unique_ptr<Strategy> StrategyRegistry::Build(const std::string& text,
                                                  const BuildContext& context) const {
  const ResolvedSpec spec = Resolve(text);
  if (spec.info->needs_brief && context.brief == nullptr) {
    Fail(text, spec.info->name + " plays the preparation brief, which was not built");
  }
  return Build(spec, context);
}

std::unique_ptr<Strategy> StrategyRegistry::Build(const ResolvedSpec& spec,
                                                  const BuildContext& context) const {
  if (spec.info->needs_brief && context.brief == nullptr) {
    Fail(spec.Text(), spec.info->name + " plays the preparation brief, which was not built");
  }
  const std::size_t index = static_cast<std::size_t>(spec.info - infos_.data());
  return factories_[index](spec, context);
}

}  // namespace parley::sim
