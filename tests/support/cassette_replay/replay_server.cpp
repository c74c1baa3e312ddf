#include "cassette_replay/cassette_replay.hpp"

#include "cassette_replay/cassette.hpp"
#include "cassette_replay/request_matching.hpp"
#include "loopback_http_server/loopback_http_server.hpp"
#include "open_klant_emulator/open_klant_emulator.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <mutex>
#include <stdexcept>

namespace cassette_replay {
namespace {

namespace json = boost::json;

const std::string api_path = "/klantinteracties/api/v1/";

std::string relative_target(const std::string& target) {
  if (target.compare(0, api_path.size(), api_path) == 0) return target.substr(api_path.size());
  return target;  // outside the API root: kept whole, so it matches nothing and shows up in messages
}

loopback_http::Reply json_reply(int status, const json::value& body) {
  loopback_http::Reply reply;
  reply.status = status;
  reply.body = json::serialize(body);
  return reply;
}

}  // namespace

struct ReplayServer::Impl {
  Impl(std::vector<detail::Interaction> loaded, std::size_t drop_last)
      : interactions(std::move(loaded)),
        expected(interactions.size() - drop_last),
        server([this](const loopback_http::Request& request) { return serve(request); }) {}

  std::string api_root() const { return "http://127.0.0.1:" + std::to_string(server.port()) + api_path; }

  // The recorded interaction with the recorded root replaced by this server's.
  detail::Interaction rewritten(const detail::Interaction& recorded) const {
    const auto root = api_root();
    detail::Interaction copy = recorded;
    copy.target = detail::replace_all(recorded.target, detail::recorded_api_root, root);
    copy.request_body = detail::replace_in_strings(recorded.request_body, detail::recorded_api_root, root);
    copy.response_body = detail::replace_in_strings(recorded.response_body, detail::recorded_api_root, root);
    return copy;
  }

  loopback_http::Reply recorded_reply(const detail::Interaction& interaction) const {
    loopback_http::Reply reply;
    reply.status = interaction.status;
    reply.content_type = interaction.content_type;
    if (interaction.response_body.is_string()) {
      reply.body = std::string(interaction.response_body.get_string());
    } else if (!interaction.response_body.is_null()) {
      reply.body = json::serialize(interaction.response_body);
    } else {
      reply.body.clear();
    }
    return reply;
  }

  loopback_http::Reply fallback_reply(const loopback_http::Request& request) const {
    const auto response = fallback->handle(request.method, request.target, request.authorization, request.body);
    loopback_http::Reply reply;
    reply.status = response.status;
    reply.content_type = response.content_type;
    reply.body = detail::replace_all(response.body, fallback->api_root(), api_root());
    return reply;
  }

  loopback_http::Reply serve(const loopback_http::Request& request) {
    std::lock_guard<std::mutex> lock(mutex);
    const Exchange exchange{request.method, relative_target(request.target), request.body};
    received.push_back(exchange);

    std::optional<std::string> difference = "no recorded request is left to serve";
    if (next < expected) {
      const auto interaction = rewritten(interactions[next]);
      difference = detail::describe_difference(interaction, exchange);
      if (!difference) {
        ++next;
        return recorded_reply(interaction);
      }
    }

    if (fallback) {
      extra.push_back(exchange);
      return fallback_reply(request);
    }

    const std::string sentence = "request " + std::to_string(received.size()) + ": " + *difference;
    mismatch_sentences.push_back(sentence);
    json::object body;
    body["detail"] = "replay mismatch: " + sentence;
    return json_reply(500, body);
  }

  std::vector<detail::Interaction> interactions;
  std::size_t expected;
  mutable std::mutex mutex;  // guards everything below
  std::size_t next = 0;      // index of the next recorded interaction to serve
  openklant_emulator::Emulator* fallback = nullptr;
  std::vector<std::string> mismatch_sentences;
  std::vector<Exchange> extra;
  std::vector<Exchange> received;
  loopback_http::Server server;  // last, so it stops before the state it serves goes away
};

ReplayServer::ReplayServer(const std::string& cassette_path, std::size_t drop_last) {
  auto interactions = detail::load_cassette(cassette_path);
  if (drop_last > interactions.size()) {
    throw std::runtime_error("cannot drop " + std::to_string(drop_last) + " interactions: cassette " + cassette_path +
                             " has " + std::to_string(interactions.size()));
  }
  impl_ = std::make_unique<Impl>(std::move(interactions), drop_last);
}

ReplayServer::~ReplayServer() { stop(); }

void ReplayServer::set_fallback(openklant_emulator::Emulator* emulator) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->fallback = emulator;
}

void ReplayServer::start() { impl_->server.start(0); }

void ReplayServer::stop() { impl_->server.stop(); }

std::string ReplayServer::api_root() const { return impl_->api_root(); }

std::size_t ReplayServer::expected_count() const { return impl_->expected; }

std::size_t ReplayServer::served_count() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->next;
}

std::vector<std::string> ReplayServer::mismatches() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  auto sentences = impl_->mismatch_sentences;
  for (std::size_t index = impl_->next; index < impl_->expected; ++index) {
    const auto& interaction = impl_->interactions[index];
    sentences.push_back("recorded request " + std::to_string(index + 1) + " (" +
                        detail::describe(interaction.method, interaction.target) + ") was never received");
  }
  return sentences;
}

std::vector<Exchange> ReplayServer::extra_requests() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->extra;
}

std::vector<Exchange> ReplayServer::received() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->received;
}

}  // namespace cassette_replay
