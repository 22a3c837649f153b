#include "parley/stakeholders/influence.h"

#include <Eigen/Dense>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <queue>
#include <string>

#include "parley/core/error.h"

namespace parley::stakeholders {

namespace {

constexpr double kRowTolerance = 1e-9;

void CheckStochastic(const Matrix& w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i].size() != w.size())
      throw Error(ErrorCode::kInvalidInput, "an influence matrix must be square");
    double sum = 0;
    for (double x : w[i]) {
      if (!std::isfinite(x) || x < 0)
        throw Error(ErrorCode::kInvalidInput, "an influence weight must be finite and >= 0");
      sum += x;
    }
    if (std::abs(sum - 1) > kRowTolerance)
      throw Error(ErrorCode::kInvalidInput, "row " + std::to_string(i) +
                                                " of an influence matrix sums to " +
                                                std::to_string(sum) + ", not 1");
  }
}

// reach[x][y]: y is reachable from x along x -> y when W[x][y] > 0 (x reaches itself).
std::vector<std::vector<bool>> Reachability(const Matrix& w) {
  const std::size_t n = w.size();
  std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
  for (std::size_t s = 0; s < n; ++s) {
    std::queue<std::size_t> todo;
    todo.push(s);
    reach[s][s] = true;
    while (!todo.empty()) {
      const std::size_t x = todo.front();
      todo.pop();
      for (std::size_t y = 0; y < n; ++y) {
        if (w[x][y] > 0 && !reach[s][y]) {
          reach[s][y] = true;
          todo.push(y);
        }
      }
    }
  }
  return reach;
}

// The closed strongly connected groups: every member reaches every other, and none reaches
// anyone outside. In order of their first member.
std::vector<std::vector<int>> ClosedGroups(const Matrix& w) {
  const std::size_t n = w.size();
  const auto reach = Reachability(w);
  std::vector<bool> placed(n, false);
  std::vector<std::vector<int>> out;
  for (std::size_t x = 0; x < n; ++x) {
    if (placed[x]) continue;
    std::vector<int> group;
    bool closed = true;
    for (std::size_t y = 0; y < n; ++y) {
      if (reach[x][y] && reach[y][x]) {
        group.push_back(static_cast<int>(y));
        placed[y] = true;
      } else if (reach[x][y]) {
        closed = false;
      }
    }
    if (closed) out.push_back(group);
  }
  return out;
}

// The period of a strongly connected group: the gcd of level[u] + 1 - level[v] over its edges,
// with levels from a breadth-first search.
int Period(const Matrix& w, const std::vector<int>& group) {
  std::vector<int> level(w.size(), -1);
  std::queue<int> todo;
  level[group[0]] = 0;
  todo.push(group[0]);
  int g = 0;
  while (!todo.empty()) {
    const int u = todo.front();
    todo.pop();
    for (int v : group) {
      if (w[u][v] <= 0) continue;
      if (level[v] < 0) {
        level[v] = level[u] + 1;
        todo.push(v);
      } else {
        g = std::gcd(g, std::abs(level[u] + 1 - level[v]));
      }
    }
  }
  return g == 0 ? 1 : g;
}

// pi on the closed group (W restricted to it is stochastic): solve pi (W - I) = 0, sum pi = 1,
// by replacing the last equation with the sum.
std::vector<double> StationaryOn(const Matrix& w, const std::vector<int>& group) {
  const int m = static_cast<int>(group.size());
  Eigen::MatrixXd a(m, m);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < m; ++j) a(i, j) = w[group[j]][group[i]] - (i == j ? 1.0 : 0.0);
  }
  a.row(m - 1).setOnes();
  Eigen::VectorXd b = Eigen::VectorXd::Zero(m);
  b(m - 1) = 1;
  const Eigen::VectorXd pi = a.fullPivLu().solve(b);
  std::vector<double> out(w.size(), 0.0);
  for (int i = 0; i < m; ++i) out[group[i]] = std::max(0.0, pi(i));
  const double sum = std::accumulate(out.begin(), out.end(), 0.0);
  for (double& x : out) x /= sum;
  return out;
}

}  // namespace

const char* ConsensusKindName(ConsensusKind kind) {
  static const char* const kNames[] = {"primitive", "one closed group", "several closed groups",
                                       "periodic"};
  return kNames[static_cast<int>(kind)];
}

Consensus DeGrootConsensus(const Matrix& w) {
  CheckStochastic(w);
  Consensus out;
  if (w.empty()) return out;
  out.closed_groups = ClosedGroups(w);
  out.period = Period(w, out.closed_groups[0]);
  if (out.closed_groups.size() > 1) {
    out.kind = ConsensusKind::kSeveralClosedGroups;
  } else if (out.period > 1) {
    out.kind = ConsensusKind::kPeriodic;
  } else {
    out.kind = out.closed_groups[0].size() == w.size() ? ConsensusKind::kPrimitive
                                                       : ConsensusKind::kOneClosedGroup;
    out.weights = StationaryOn(w, out.closed_groups[0]);
  }
  return out;
}

std::vector<double> DefaultSusceptibility(const Matrix& w) {
  std::vector<double> out;
  for (std::size_t i = 0; i < w.size(); ++i) out.push_back(std::clamp(1 - w[i][i], 0.0, 1.0));
  return out;
}

SocialPower FriedkinJohnsen(const Matrix& w, const std::vector<double>& susceptibility) {
  CheckStochastic(w);
  const int n = static_cast<int>(w.size());
  if (susceptibility.size() != w.size())
    throw Error(ErrorCode::kInvalidInput, "one susceptibility per member is needed");
  SocialPower out;
  out.susceptibility = susceptibility;
  for (double l : susceptibility) {
    if (!(l >= 0 && l <= 1))
      throw Error(ErrorCode::kInvalidInput, "a susceptibility must be within [0, 1]");
  }
  Eigen::MatrixXd wm(n, n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) wm(i, j) = w[i][j];
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    const Eigen::VectorXd lambda = Eigen::Map<const Eigen::VectorXd>(out.susceptibility.data(), n);
    const Eigen::MatrixXd a = Eigen::MatrixXd::Identity(n, n) - lambda.asDiagonal() * wm;
    const auto lu = a.fullPivLu();
    if (lu.isInvertible()) {
      const Eigen::VectorXd anchor = Eigen::VectorXd::Ones(n) - lambda;
      const Eigen::MatrixXd v = lu.solve(Eigen::MatrixXd(anchor.asDiagonal()));
      out.v.assign(n, std::vector<double>(n, 0.0));
      out.power.assign(n, 0.0);
      for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
          out.v[i][j] = v(i, j);
          out.power[j] += v(i, j) / n;
        }
      }
      return out;
    }
    out.capped = true;
    for (double& l : out.susceptibility) l = std::min(l, 1 - kMinAnchor);
  }
  throw Error(ErrorCode::kInternal, "I - LW stayed singular with every anchor at least 5%");
}

}  // namespace parley::stakeholders
