#include "parley/service/store_json.h"

#include <string>

namespace parley::service {

namespace {

void PutInfo(nlohmann::ordered_json& j, const store::VersionInfo& v) {
  j["version"] = v.version;
  j["author"] = v.author;
  j["saved_at"] = v.saved_at;
  j["summary"] = v.summary;
}

}  // namespace

nlohmann::ordered_json SavedJson(const store::Saved& saved) {
  nlohmann::ordered_json j;
  j["id"] = saved.case_id;
  j["version"] = saved.version;
  return j;
}

nlohmann::ordered_json CaseListJson(const std::vector<store::CaseInfo>& cases) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const store::CaseInfo& c : cases) {
    nlohmann::ordered_json j;
    j["id"] = c.case_id;
    j["title"] = c.title;
    PutInfo(j, c.latest);
    list.push_back(std::move(j));
  }
  nlohmann::ordered_json j;
  j["cases"] = std::move(list);
  return j;
}

nlohmann::ordered_json CaseVersionJson(const store::CaseVersion& v) {
  nlohmann::ordered_json j;
  j["id"] = v.case_id;
  PutInfo(j, v.info);
  nlohmann::ordered_json body = nlohmann::ordered_json::parse(v.text, nullptr, false);
  j["case"] = body.is_discarded() ? nlohmann::ordered_json(v.text) : std::move(body);
  return j;
}

nlohmann::ordered_json VersionsJson(std::int64_t case_id,
                                    const std::vector<store::VersionInfo>& versions) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const store::VersionInfo& v : versions) {
    nlohmann::ordered_json j;
    PutInfo(j, v);
    list.push_back(std::move(j));
  }
  nlohmann::ordered_json j;
  j["id"] = case_id;
  j["versions"] = std::move(list);
  return j;
}

nlohmann::ordered_json DiffJson(std::int64_t case_id, int from, int to,
                                const std::vector<store::DiffLine>& lines) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const store::DiffLine& d : lines) {
    nlohmann::ordered_json j;
    j["op"] = std::string(1, d.op);
    j["text"] = d.text;
    list.push_back(std::move(j));
  }
  nlohmann::ordered_json j;
  j["id"] = case_id;
  j["from"] = from;
  j["to"] = to;
  j["lines"] = std::move(list);
  return j;
}

}  // namespace parley::service
