// Tidings' one script: keeps relative times current and announces new stories.
// Every page works without it.
(function () {
  'use strict';
  var fmt = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
  var units = [
    ['year', 31536000],
    ['month', 2592000],
    ['week', 604800],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  function relative(iso) {
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
      nodes[i].textContent = relative(nodes[i].getAttribute('datetime'));
    }
  }
  refreshTimes();
  setInterval(refreshTimes, 30000);

  var notice = document.getElementById('new-stories');
  var since = document.body.getAttribute('data-latest');
  if (!notice || !since || !window.fetch) return;
  var etag = null;
  function poll() {
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
  setInterval(poll, 60000);
})();
