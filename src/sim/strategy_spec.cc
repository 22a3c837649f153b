#include "parley/sim/strategy_spec.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "parley/core/error.h"
#include "parley/core/issue.h"

namespace parley::sim {

namespace {

constexpr int kMaxDepth = 8;

class Parser {
 public:
  explicit Parser(const std::string& text) : text_(text) {}

  StrategySpec Whole() {
    StrategySpec spec = Spec(0);
    Skip();
    if (pos_ != text_.size()) Fail("unexpected '" + std::string(1, text_[pos_]) + "'");
    return spec;
  }

 private:
  [[noreturn]] void Fail(const std::string& what) const {
    throw Error(ErrorCode::kUsage,
                "strategy '" + text_ + "': " + what + " at character " + std::to_string(pos_ + 1));
  }
  void Skip() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool Eat(char ch) {
    Skip();
    if (pos_ < text_.size() && text_[pos_] == ch) {
      ++pos_;
      return true;
    }
    return false;
  }
  std::string Name() {
    Skip();
    const std::size_t start = pos_;
    auto head = [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '_'; };
    auto tail = [&](char ch) { return head(ch) || (ch >= '0' && ch <= '9'); };
    if (pos_ >= text_.size() || !head(text_[pos_])) Fail("expected a name");
    while (pos_ < text_.size() && tail(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  double Number() {
    Skip();
    double x = 0;
    const char* begin = text_.data() + pos_;
    const auto [end, ec] = std::from_chars(begin, text_.data() + text_.size(), x);
    if (ec != std::errc() || !std::isfinite(x)) Fail("expected a name or a number");
    pos_ += static_cast<std::size_t>(end - begin);
    return x;
  }
  StrategySpec Spec(int depth) {
    if (depth > kMaxDepth) Fail("nested too deep");
    StrategySpec spec;
    spec.name = Name();
    if (!Eat('(')) return spec;
    if (Eat(')')) return spec;
    do {
      SpecArg arg;
      arg.key = Name();
      if (!Eat('=')) Fail("expected '=' after '" + arg.key + "'");
      Skip();
      const char ch = pos_ < text_.size() ? text_[pos_] : '\0';
      if ((ch >= 'a' && ch <= 'z') || ch == '_') {
        arg.value = std::vector<StrategySpec>{Spec(depth + 1)};
      } else {
        arg.value = Number();
      }
      spec.args.push_back(std::move(arg));
    } while (Eat(','));
    if (!Eat(')')) Fail("expected ',' or ')'");
    return spec;
  }

  const std::string& text_;
  std::size_t pos_ = 0;
};

}  // namespace

StrategySpec ParseStrategySpec(const std::string& text) {
  if (text.size() > kMaxSpecLength) {
    throw Error(ErrorCode::kUsage, "a strategy is at most 1,000 characters long");
  }
  return Parser(text).Whole();
}

std::string FormatStrategySpec(const StrategySpec& spec) {
  std::string out = spec.name;
  if (spec.args.empty()) return out;
  out += '(';
  for (std::size_t i = 0; i < spec.args.size(); ++i) {
    if (i > 0) out += ',';
    out += spec.args[i].key + '=';
    if (const auto* x = std::get_if<double>(&spec.args[i].value)) {
      out += FormatNumber(*x);
    } else {
      out += FormatStrategySpec(std::get<std::vector<StrategySpec>>(spec.args[i].value).front());
    }
  }
  return out + ')';
}

}  // namespace parley::sim
