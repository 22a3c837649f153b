#include "internal/simple_counts.h"

#include <string>

namespace parley::coalition::internal {
namespace {

template <class Number>
Rational Sum(const std::vector<Number>& xs) {
  Rational total = 0;
  for (const Number& x : xs) total += Rational(x);
  return total;
}

// x_i / total for each player; all zero when the total is zero.
template <class Number>
std::vector<Fraction> Shares(const std::vector<Number>& xs, const Rational& total) {
  std::vector<Fraction> out;
  out.reserve(xs.size());
  for (const Number& x : xs) out.push_back(ToFraction(total == 0 ? Rational(0) : x / total));
  return out;
}

std::vector<Fraction> Exact(const std::vector<Rational>& xs) {
  std::vector<Fraction> out;
  out.reserve(xs.size());
  for (const Rational& x : xs) out.push_back(ToFraction(x));
  return out;
}

}  // namespace

SimpleCounts::SimpleCounts(std::size_t players)
    : n(players),
      shapley_shubik(players),
      swings(players),
      minimal(players),
      minimal_inverse_size(players),
      johnston(players) {}

std::vector<PowerIndex> SimpleIndices(const SimpleCounts& c) {
  const Rational all_but_one = c.n == 0 ? Rational(0) : Rational(BigInt(1) << (c.n - 1));
  std::vector<PowerIndex> out;
  out.push_back({"shapley_shubik", "Shapley-Shubik", Exact(c.shapley_shubik)});
  out.push_back({"banzhaf", "Banzhaf", Shares(c.swings, Sum(c.swings))});
  out.push_back({"banzhaf_absolute", "Banzhaf (absolute)", Shares(c.swings, all_but_one)});
  out.push_back({"deegan_packel", "Deegan-Packel",
                 Shares(c.minimal_inverse_size, Sum(c.minimal_inverse_size))});
  out.push_back({"public_good", "Public good (Holler)", Shares(c.minimal, Sum(c.minimal))});
  out.push_back({"johnston", "Johnston", Shares(c.johnston, Sum(c.johnston))});
  out.push_back({"coleman_prevent", "Coleman: prevent", Shares(c.swings, Rational(c.winning))});
  out.push_back({"coleman_initiate", "Coleman: initiate", Shares(c.swings, Rational(c.losing))});
  return out;
}

}  // namespace parley::coalition::internal
