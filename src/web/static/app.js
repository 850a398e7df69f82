// Tidings' one script: keeps relative times current and announces new stories.
// Every page works without it. Nothing runs at load: the server's times are fresh, so the first
// refresh waits, and the page's first paint and input stay free of script.
(function () {
  'use strict';
  var TIMES_MS = 30000;
  var POLL_MS = 60000;
  var units = [
    ['year', 31536000],
    ['month', 2592000],
    ['week', 604800],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  var fmt = null;
  function relative(iso) {
    fmt = fmt || new Intl.RelativeTimeFormat('en', { numeric: 'always' });
    var s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
    if (s < 45) return 'just now';
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(s) >= units[i][1]) return fmt.format(-Math.round(s / units[i][1]), units[i][0]);
    }
    return fmt.format(-1, 'minute');
  }
  function refreshTimes() {
    var nodes = document.querySelectorAll('time[data-relative]');
    for (var i = 0; i < nodes.length; i++) {
      var text = relative(nodes[i].getAttribute('datetime'));
      if (nodes[i].textContent !== text) nodes[i].textContent = text;
    }
  }
  setInterval(function () {
    if (!document.hidden) refreshTimes();
  }, TIMES_MS);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) refreshTimes();
  });

  var notice = document.getElementById('new-stories');
  var since = document.body.getAttribute('data-latest');
  if (!notice || !since || !window.fetch) return;
  var etag = null;
  function poll() {
    if (document.hidden) return;
    var headers = etag ? { 'If-None-Match': etag } : {};
    fetch('/api/updates?since=' + encodeURIComponent(since), { headers: headers })
      .then(function (res) {
        if (res.status !== 200) return null;
        etag = res.headers.get('ETag');
        return res.json();
      })
      .then(function (data) {
        if (!data || !data.count) return;
        notice.hidden = false;
        notice.querySelector('a').textContent =
          data.count + (data.count === 1 ? ' new story' : ' new stories') + ' — show';
      })
      .catch(function () {});
  }
  setInterval(poll, POLL_MS);
})();
