// The join page: the watch button takes the link's fragment (#v=1&t=…&p=…) along, which a
// plain link would drop; the fragment never reaches a server.
document.getElementById('watch').href = `/watch${location.hash}`;
