// Conversions between Beast messages and Request/Response (internal to the server).
//
// Pure functions, thread-safe.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/http/string_body.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace ordo::http::internal {

using RequestMessage = boost::beast::http::request<boost::beast::http::string_body>;
// Borrows the body of the Response it was built from.
using ResponseMessage = boost::beast::http::response<boost::beast::http::span_body<const char>>;

// "127.0.0.1:54321", "[::1]:54321".
std::string FormatEndpoint(const boost::asio::ip::tcp::endpoint& endpoint);

// Method (upper-cased), target, raw path and headers; not the body, query or decoded path.
void CopyRequestHead(const RequestMessage& message, Request& request);

bool ExpectsContinue(const RequestMessage& message);

// The 400 problem for a request whose Host header breaks HTTP/1.1 (RFC 9112, section 3.2):
// "missing_host" when an HTTP/1.1 request has none, "bad_request" when it has more than one.
// nullopt when the Host header is acceptable; HTTP/1.0 needs none.
std::optional<Response> HostProblem(const Request& request, unsigned version);

// The message to write for `response`: its headers minus those the server owns
// (Content-Length, Transfer-Encoding, Connection, X-Request-Id) and any with CR/LF, then the
// security headers it did not set itself (nosniff, X-Frame-Options DENY, a CSP that allows
// nothing, no referrer, Cache-Control no-store), then X-Request-Id, Content-Length and
// Connection. A HEAD answer keeps Content-Length but no body.
// `out` borrows response.body. REQUIRES: 200 <= response.status <= 599.
void BuildResponseMessage(const Response& response, std::string_view request_id, unsigned version,
                          bool head_request, bool keep_alive, ResponseMessage& out);

// The head of a streamed response: the same headers, but no Content-Length and
// "Connection: close", so that the body runs until the connection closes (HTTP/1.0 and 1.1).
void BuildStreamHead(const Response& response, std::string_view request_id, unsigned version,
                     ResponseMessage& out);

}  // namespace ordo::http::internal
