#include "coalition/brute_force.h"

#include <bit>

namespace parley::coalition::testing {
namespace {

using BigInt = boost::multiprecision::cpp_int;

BigInt Factorial(std::size_t n) {
  BigInt f = 1;
  for (std::size_t k = 2; k <= n; ++k) f *= k;
  return f;
}

std::vector<Rational> Normalised(const std::vector<Rational>& raw) {
  Rational total = 0;
  for (const Rational& x : raw) total += x;
  std::vector<Rational> out;
  for (const Rational& x : raw) out.push_back(total == 0 ? Rational(0) : Rational(x / total));
  return out;
}

}  // namespace

std::map<std::string, std::vector<Rational>> BruteForceIndices(
    std::size_t n, const std::function<bool(std::uint32_t)>& wins) {
  std::vector<Rational> ss(n), swings(n), dp(n), pgi(n), johnston(n);
  Rational winning = 0;
  Rational losing = 0;
  const std::uint32_t all = (1u << n) - 1;
  for (std::uint32_t s = 0; s <= all; ++s) {
    if (!wins(s)) {
      losing += 1;
      continue;
    }
    winning += 1;
    const auto size = static_cast<std::size_t>(std::popcount(s));
    std::vector<std::size_t> critical;
    for (std::size_t i = 0; i < n; ++i) {
      if ((s >> i & 1u) && !wins(s & ~(1u << i))) critical.push_back(i);
    }
    // Minimal winning: every proper subset loses, checked directly.
    bool minimal = true;
    for (std::uint32_t sub = (s - 1) & s; minimal && sub != s; sub = (sub - 1) & s) {
      if (wins(sub)) minimal = false;
      if (sub == 0) break;
    }
    for (std::size_t i : critical) {
      swings[i] += 1;
      ss[i] += Rational(Factorial(size - 1) * Factorial(n - size), Factorial(n));
      johnston[i] += Rational(1, critical.size());
    }
    if (minimal) {
      for (std::size_t i = 0; i < n; ++i) {
        if (s >> i & 1u) {
          dp[i] += Rational(1, size);
          pgi[i] += 1;
        }
      }
    }
  }
  std::map<std::string, std::vector<Rational>> out;
  out["shapley_shubik"] = ss;
  out["banzhaf"] = Normalised(swings);
  for (std::size_t i = 0; i < n; ++i) {
    out["banzhaf_absolute"].push_back(swings[i] / Rational(BigInt(1) << (n - 1)));
    out["coleman_prevent"].push_back(swings[i] / winning);
    out["coleman_initiate"].push_back(swings[i] / losing);
  }
  out["deegan_packel"] = Normalised(dp);
  out["public_good"] = Normalised(pgi);
  out["johnston"] = Normalised(johnston);
  return out;
}

std::map<std::string, std::vector<Rational>> BruteForceIndices(
    const std::vector<std::uint64_t>& weights, std::uint64_t quota) {
  return BruteForceIndices(weights.size(), [&](std::uint32_t s) {
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (s >> i & 1u) w += weights[i];
    }
    return w >= quota;
  });
}

std::string Text(const Rational& r) {
  const BigInt d = boost::multiprecision::denominator(r);
  const std::string n = boost::multiprecision::numerator(r).str();
  return d == 1 ? n : n + "/" + d.str();
}

}  // namespace parley::coalition::testing
