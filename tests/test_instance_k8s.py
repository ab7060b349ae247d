"""The Kubernetes example instance (instance/dagster.k8s.yaml) loads as it is shipped: its Postgres storage
connects to a real server, dagster-k8s builds its K8sRunLauncher from the file (in-cluster configuration, as in
a pod; no cluster is contacted), and the Kubernetes Job that launcher would submit for a chipwatch run carries
the image, the instance ConfigMap, the Postgres password Secret and the warehouse volume."""

from __future__ import annotations

import shutil

import pytest
import yaml

from tests.conftest import REPO
from tests.test_instance_postgres import postgres  # noqa: F401 - the throw-away server fixture

K8S_FILE = REPO / "instance" / "dagster.k8s.yaml"
IMAGE = "registry.invalid/chipwatch:test"


@pytest.fixture
def k8s_instance(postgres, tmp_path, monkeypatch):  # noqa: F811 - the fixture imported above
    """A DagsterInstance from DAGSTER_HOME holding the shipped file, in what looks to the kubernetes client like
    a pod: a service-account token and CA file, and the API's address in the environment."""
    import dagster as dg
    import kubernetes.config.incluster_config as incluster

    account = tmp_path / "serviceaccount"
    account.mkdir()
    (account / "token").write_text("test-token")
    (account / "ca.crt").write_text("-----BEGIN CERTIFICATE-----\ntest\n-----END CERTIFICATE-----\n")
    monkeypatch.setattr(incluster, "SERVICE_TOKEN_FILENAME", str(account / "token"))
    monkeypatch.setattr(incluster, "SERVICE_CERT_FILENAME", str(account / "ca.crt"))
    monkeypatch.setenv("KUBERNETES_SERVICE_HOST", "127.0.0.1")
    monkeypatch.setenv("KUBERNETES_SERVICE_PORT", "6443")
    for key, value in postgres.env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("CHIPWATCH_IMAGE", IMAGE)
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(K8S_FILE, home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with dg.DagsterInstance.from_config(str(home)) as instance:
        yield instance


def test_k8s_file_is_the_postgres_instance_plus_a_run_launcher():
    pg = yaml.safe_load((REPO / "instance" / "dagster.postgres.yaml").read_text())
    k8s = yaml.safe_load(K8S_FILE.read_text())
    launcher = k8s.pop("run_launcher")
    for key in pg.keys() | k8s.keys():
        assert k8s.get(key) == pg.get(key), f"instance/dagster.k8s.yaml differs from dagster.postgres.yaml at {key!r}"
    assert (launcher["module"], launcher["class"]) == ("dagster_k8s", "K8sRunLauncher")
    assert "password" not in yaml.safe_dump(launcher["config"]).replace("postgres_password_secret", "")


def test_instance_builds_the_k8s_run_launcher_from_the_file(k8s_instance):
    from dagster_k8s import K8sRunLauncher
    from dagster_postgres import PostgresRunStorage

    assert isinstance(k8s_instance.run_storage, PostgresRunStorage)
    launcher = k8s_instance.run_launcher
    assert isinstance(launcher, K8sRunLauncher)
    assert launcher.job_namespace == "chipwatch" and launcher.instance_config_map == "chipwatch-instance"
    assert launcher.job_image == IMAGE and launcher.load_incluster_config
    # the duckdb_writes pool and the run queue of instance/dagster.yaml hold on Kubernetes too
    config = k8s_instance.get_concurrency_config()
    assert config.pool_config.default_pool_limit == 1 and config.run_queue_config.max_concurrent_runs == 4


@pytest.mark.slow  # loads the code location to make a real run: ~4 s
def test_launcher_submits_a_job_for_a_chipwatch_run(k8s_instance, postgres):  # noqa: F811
    """What the daemon would send the cluster for one ingest partition, caught before it leaves."""
    from dagster._core.launcher import LaunchRunContext

    from assets import runs

    launcher = k8s_instance.run_launcher
    submitted = []
    launcher._api_client.create_namespaced_job_with_retries = lambda body, namespace: submitted.append(
        (body, namespace))
    with runs.code_location(k8s_instance) as location:
        run = runs.create_run(k8s_instance, location, "ingest", {}, "cnn")
    launcher.launch_run(LaunchRunContext(dagster_run=run, workspace=None))

    [(job, namespace)] = submitted
    assert namespace == "chipwatch"
    pod = job.spec.template.spec
    [container] = pod.containers
    assert container.image == IMAGE and pod.service_account_name == "chipwatch"
    assert container.args[:3] == ["dagster", "api", "execute_run"]
    env = {e.name: e for e in container.env}
    secret = env["DAGSTER_PG_PASSWORD"].value_from.secret_key_ref
    assert (secret.name, secret.key) == ("chipwatch-postgres", "postgresql-password")
    assert env["DAGSTER_PG_HOST"].value == "127.0.0.1" and env["DAGSTER_HOME"].value == "/opt/dagster/dagster_home"
    assert env["CHIPWATCH_DB"].value == "/opt/chipwatch/warehouse/chipwatch.duckdb"
    mounts = {m.mount_path: m.name for m in container.volume_mounts}
    assert mounts["/opt/chipwatch/warehouse"] == "chipwatch-warehouse"
    volumes = {v.name: v for v in pod.volumes}
    assert volumes["chipwatch-warehouse"].persistent_volume_claim.claim_name == "chipwatch-warehouse"
    # the pod gets the instance in its arguments, as the file says it (the variables' names, not their values)
    assert postgres.password not in " ".join(container.args) and "DAGSTER_PG_PASSWORD" in " ".join(container.args)
    assert job.metadata.labels["dagster/code-location"] == "chipwatch"
