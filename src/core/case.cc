#include "parley/core/case.h"

#include "parley/core/error.h"

namespace parley {

const std::vector<std::string>& ContextNames() {
  static const std::vector<std::string> kNames = {"sales",  "procurement", "partnership",
                                                  "hiring", "internal",    "other"};
  return kNames;
}
const char* ContextName(Context c) { return ContextNames()[static_cast<int>(c)].c_str(); }

const std::vector<std::string>& RelationshipNames() {
  static const std::vector<std::string> kNames = {"one-off", "repeated"};
  return kNames;
}
const char* RelationshipName(Relationship r) {
  return RelationshipNames()[static_cast<int>(r)].c_str();
}

const std::vector<std::string>& CultureNames() {
  static const std::vector<std::string> kNames = {"direct", "indirect"};
  return kNames;
}
const char* CultureName(Culture c) { return CultureNames()[static_cast<int>(c)].c_str(); }

namespace {

template <typename T>
const T* FindById(const std::vector<T>& items, const std::string& id) {
  for (const T& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

}  // namespace

const Party* Case::FindParty(const std::string& id) const { return FindById(parties, id); }
const Issue* Case::FindIssue(const std::string& id) const { return FindById(issues, id); }
const Evidence* Case::FindEvidence(const std::string& id) const { return FindById(evidence, id); }

int Case::IssueIndex(const std::string& id) const {
  for (std::size_t i = 0; i < issues.size(); ++i) {
    if (issues[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

const Preferences* Case::FindValues(const std::string& party) const {
  for (const Preferences& p : values) {
    if (p.party == party) return &p;
  }
  return nullptr;
}

const Party& Case::Us() const {
  const Party* us = nullptr;
  for (const Party& p : parties) {
    if (p.side != Side::kUs) continue;
    if (us != nullptr)
      throw Error(ErrorCode::kInvalidInput, "the case has more than one `us` party");
    us = &p;
  }
  if (us == nullptr) throw Error(ErrorCode::kInvalidInput, "the case has no `us` party");
  return *us;
}

std::string PartyName(const Case& c, const std::string& id) {
  const Party* p = c.FindParty(id);
  return p != nullptr ? p->DisplayName() : id;
}

bool StatesMoney(const Case& c, const std::string& party) {
  const Preferences* v = c.FindValues(party);
  return v != nullptr && v->form == ValueForm::kMoney;
}

}  // namespace parley
