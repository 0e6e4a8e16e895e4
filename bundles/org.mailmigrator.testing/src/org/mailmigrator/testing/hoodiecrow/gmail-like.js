// A Gmail-like IMAP server for the tests: hoodiecrow-imap 2.1.0 (MIT, https://github.com/andris9/hoodiecrow)
// with X-GM-EXT-1 registered, listening on 127.0.0.1 at a free port (printed as "LISTENING <port>").
// Arguments: the folder holding node_modules/hoodiecrow-imap, the storage JSON file.
// Message bytes travel as "binary" (Latin-1) strings: the JSON holds each byte as one char U+0000..U+00FF.
"use strict";
var fs = require("fs");
var path = require("path");
var hoodiecrow = require(path.join(process.argv[2], "node_modules", "hoodiecrow-imap"));
var config = JSON.parse(fs.readFileSync(process.argv[3], "utf-8"));

var server = hoodiecrow({
    plugins: ["ID", "ENABLE", "CONDSTORE", "NAMESPACE", "IDLE", "UNSELECT", "SPECIAL-USE", "X-GM-EXT-1", "UIDPLUS"],
    id: { name: "GImap-like hoodiecrow", version: "2.1.0" },
    storage: config.storage,
    users: config.users // undefined: hoodiecrow's own testuser/testpass
});
// the plugin implements X-GM-MSGID and X-GM-LABELS but does not announce them (Gmail does)
server.registerCapability("X-GM-EXT-1");

// Error texts in UTF-8 (as Gmail and Dovecot send them): APPEND to a folder named in "refuseAppend" is
// refused with that text, so tests can check how a client shows a server's words.
var refuseAppend = config.refuseAppend || {};
var append = server.getCommandHandler("APPEND");
server.setCommandHandler("APPEND", function(connection, parsed, data, callback) {
    var box = parsed.attributes && parsed.attributes[0] && String(parsed.attributes[0].value);
    if (box && refuseAppend[box]) {
        connection.send({
            tag: parsed.tag,
            command: "NO",
            attributes: [{ type: "TEXT", value: Buffer.from(refuseAppend[box], "utf-8").toString("binary") }]
        }, "APPEND REFUSED", parsed, data);
        return callback();
    }
    return append(connection, parsed, data, callback);
});

// SELECT and EXAMINE of a folder named in "refuseSelect" are refused (a folder the server will not open)
var refuseSelect = config.refuseSelect || {};
["SELECT", "EXAMINE"].forEach(function(name) {
    var open = server.getCommandHandler(name);
    server.setCommandHandler(name, function(connection, parsed, data, callback) {
        var box = parsed.attributes && parsed.attributes[0] && String(parsed.attributes[0].value);
        if (box && refuseSelect[box]) {
            connection.send({ tag: parsed.tag, command: "NO", attributes: [{ type: "TEXT", value: refuseSelect[box] }] },
                name + " REFUSED", parsed, data);
            return callback();
        }
        return open(connection, parsed, data, callback);
    });
});

server.listen(0, "127.0.0.1", function() {
    console.log("LISTENING " + server.server.address().port);
});
process.stdin.on("end", function() { process.exit(0); }); // the test's JVM is gone: stop too
process.stdin.resume();
