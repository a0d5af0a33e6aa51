"""The proxy configuration: rendered from one template, with cookie affinity and health checks per replica."""

import string

from compliance import hosting, settings


def test_the_template_renders_one_checked_pinned_server_per_replica(tmp_path, monkeypatch):
    monkeypatch.setattr(hosting.shutil, "which", lambda name: "/usr/sbin/haproxy")
    cluster = hosting.Cluster(3, settings.DEFAULT_DATA_DIR, port=9000, log_dir=tmp_path)
    text = cluster.config.read_text()
    assert "bind 127.0.0.1:9000" in text and "cookie REPLICA insert" in text and "option redispatch" in text
    assert "option httpchk GET /_stcore/health" in text
    for r in cluster.replicas:
        assert f"server {r.name} 127.0.0.1:{r.port} check inter 1s fall 2 rise 1 cookie {r.name}" in text


def test_the_compose_config_is_the_template_filled_in():
    template = string.Template((settings.ROOT / "deploy" / "haproxy.cfg.template").read_text())
    servers = "\n".join(f"    server {n} {n}:8501 check inter 1s fall 2 rise 1 cookie {n}" for n in ("r1", "r2"))
    expected = template.substitute(bind="0.0.0.0", port=8501, servers=servers)
    compose = (settings.ROOT / "deploy" / "haproxy.compose.cfg").read_text()
    assert compose.split("\n", 1)[1] == expected


def test_every_replica_is_started_read_only(tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr(hosting.shutil, "which", lambda name: "/usr/sbin/haproxy")
    monkeypatch.setattr(hosting.subprocess, "Popen", lambda cmd, **kw: started.append((cmd, kw["env"])))
    cluster = hosting.Cluster(2, settings.DEFAULT_DATA_DIR, port=9000, log_dir=tmp_path)
    for r in cluster.replicas:
        r.start()
    assert len(started) == 2
    assert all(env[settings.READ_ONLY_VAR] == "1" for _, env in started)
    assert all(env[settings.ENV_VAR] == str(settings.DEFAULT_DATA_DIR) for _, env in started)
