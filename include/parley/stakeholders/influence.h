#pragma once

/// Informal influence from a row-stochastic influence matrix W (W[x][y] is the weight x gives to
/// y's view, each row summing to 1): the DeGroot (1974) consensus weights and Friedkin-Johnsen
/// (1990, 2011) social power. docs/stakeholders.md gives the formulas.
///
///   const parley::stakeholders::Matrix w = {{0.5, 0.5, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}};
///   const auto consensus = parley::stakeholders::DeGrootConsensus(w);   // weights 1/3 each
///   const auto fj = parley::stakeholders::FriedkinJohnsen(w, DefaultSusceptibility(w));

#include <vector>

namespace parley::stakeholders {

/// A square matrix, row by row.
using Matrix = std::vector<std::vector<double>>;

/// What the listening graph (x -> y when W[x][y] > 0, x != y or x == y) allows.
enum class ConsensusKind {
  kPrimitive,            ///< irreducible and aperiodic: a unique consensus, everyone weighs in
  kOneClosedGroup,       ///< reducible, but one closed group, aperiodic: a unique consensus
  kSeveralClosedGroups,  ///< reducible with several groups that listen to no one else: none
  kPeriodic,             ///< the one closed group is periodic: opinions oscillate, none
};

/// "primitive", "one closed group", "several closed groups", "periodic".
const char* ConsensusKindName(ConsensusKind kind);

/// The DeGroot consensus: the left unit eigenvector pi of W (pi W = pi, sum 1), the weight each
/// initial view has in the consensus that repeated averaging reaches.
struct Consensus {
  ConsensusKind kind = ConsensusKind::kPrimitive;
  /// pi, one per row of W; empty when there is no unique consensus (several groups, periodic).
  std::vector<double> weights;
  /// The members of the closed groups (those that listen to no one outside their group), by row.
  std::vector<std::vector<int>> closed_groups;
  int period = 1;  ///< the period of the first closed group (1 = aperiodic)
};

/// The consensus of W. Throws Error(kInvalidInput) when W is not square, has a negative entry
/// or a row not summing to 1 (within 1e-9). O(n^3) (Eigen's LU on the closed group).
Consensus DeGrootConsensus(const Matrix& w);

/// Friedkin-Johnsen social power: x(t+1) = L W x(t) + (I - L) x(0) with susceptibility L =
/// diag(lambda), converging to V x(0) with V = (I - L W)^-1 (I - L), a row-stochastic matrix;
/// a member's social power is its column mean of V.
struct SocialPower {
  Matrix v;                            ///< V[i][j]: weight of j's initial view in i's final one
  std::vector<double> power;           ///< column means of V, summing to 1
  std::vector<double> susceptibility;  ///< the lambda used (after any raise below)
  /// True when I - L W was singular (a group giving its whole weight to each other) and every
  /// susceptibility was capped at 1 - kMinAnchor.
  bool capped = false;
};

/// The anchoring every member keeps when I - L W is singular with the given susceptibilities.
inline constexpr double kMinAnchor = 0.05;

/// The default susceptibility: lambda_i = 1 - W[i][i], each anchored to its own initial view in
/// proportion to the weight it gives itself (Friedkin and Johnsen 2011's coupling).
std::vector<double> DefaultSusceptibility(const Matrix& w);

/// Social power under W with susceptibilities in [0, 1]. Throws as DeGrootConsensus does, and
/// Error(kInvalidInput) for a susceptibility outside [0, 1] or of the wrong length. O(n^3).
SocialPower FriedkinJohnsen(const Matrix& w, const std::vector<double>& susceptibility);

}  // namespace parley::stakeholders
