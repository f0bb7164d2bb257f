"""deploy/kubernetes, checked offline (no cluster runs on this machine): the kustomization as
kubectl renders it, every object against the Kubernetes API schemas (kubernetes-validate ships
them), what the clinic needs of each object, and the front door's nginx configuration."""

from __future__ import annotations

import re
import shutil
import subprocess

import kubernetes_validate
import pytest
import yaml

from tests.deploy.conftest import nginx_check, nginx_version
from tests.live import ROOT

KUSTOMIZATION = ROOT / "deploy" / "kubernetes"
APP_LABELS = {"app.kubernetes.io/name": "disc-explorer", "app.kubernetes.io/component": "app"}
FRONT_DOOR_LABELS = {
    "app.kubernetes.io/name": "disc-explorer",
    "app.kubernetes.io/component": "front-door",
}
HEALTH = "/_stcore/health"
# The oldest Kubernetes release the base is written for, and the newest whose schemas are shipped.
KUBERNETES_VERSIONS = ["1.30", kubernetes_validate.latest_version()]
# `resolve` and `service=` in an upstream's `server` came to open-source nginx in 1.27.3.
RESOLVING_NGINX = (1, 27, 3)


@pytest.fixture(scope="module")
def rendered() -> list[dict]:
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.fail(
            "kubectl is missing: install kubectl (kustomize is built in) to render deploy/kubernetes",
            pytrace=False,
        )
    result = subprocess.run(
        [kubectl, "kustomize", str(KUSTOMIZATION)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return [document for document in yaml.safe_load_all(result.stdout) if document]


def find(rendered: list[dict], kind: str, name: str) -> dict:
    """The one object of this kind and name (a generated ConfigMap's name ends in a hash)."""
    pattern = re.compile(rf"{re.escape(name)}(-[a-z0-9]{{10}})?")
    found = [o for o in rendered if o["kind"] == kind and pattern.fullmatch(o["metadata"]["name"])]
    assert len(found) == 1, f"{kind} {name}: {[o['metadata']['name'] for o in found]}"
    return found[0]


def pod_spec(rendered: list[dict], deployment: str) -> dict:
    return find(rendered, "Deployment", deployment)["spec"]["template"]["spec"]


def only_container(rendered: list[dict], deployment: str) -> dict:
    containers = pod_spec(rendered, deployment)["containers"]
    assert len(containers) == 1
    return containers[0]


def env(container: dict) -> dict[str, dict]:
    return {variable["name"]: variable for variable in container.get("env", [])}


def container_port(container: dict, port: int | str) -> int:
    """A probe's or Service's port, by number or by the container port's name."""
    if isinstance(port, int):
        return port
    return next(p["containerPort"] for p in container["ports"] if p.get("name") == port)


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_every_object_matches_the_kubernetes_schemas(rendered, version):
    errors = []
    for obj in rendered:
        try:
            # strict: a field the API does not know (a typo, a wrong level) is an error too.
            kubernetes_validate.validate(obj, version, strict=True)
        except kubernetes_validate.ValidationError as error:
            errors.append(
                f"{obj['kind']} {obj['metadata']['name']}: {error.message} at {list(error.path)}"
            )
    assert not errors, "\n".join(errors)


def test_the_base_holds_the_clinic_topology_and_no_secret(rendered):
    kinds = sorted(obj["kind"] for obj in rendered)
    assert kinds == sorted(
        [
            "ConfigMap",
            "ConfigMap",
            "ConfigMap",
            "Deployment",
            "Deployment",
            "HorizontalPodAutoscaler",
            "NetworkPolicy",
            "PodDisruptionBudget",
            "Service",
            "Service",
        ]
    )
    assert find(rendered, "Deployment", "explorer-app")["spec"]["replicas"] == 2


@pytest.mark.parametrize("deployment", ["explorer-app", "explorer-front-door"])
def test_pods_run_as_non_root_on_a_read_only_root_filesystem(rendered, deployment):
    spec = pod_spec(rendered, deployment)
    container = only_container(rendered, deployment)
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["runAsUser"] != 0
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["securityContext"]["capabilities"]["drop"] == ["ALL"]
    # What each must write goes to an emptyDir.
    empty_dirs = {volume["name"] for volume in spec["volumes"] if "emptyDir" in volume}
    writable = [m["mountPath"] for m in container["volumeMounts"] if m["name"] in empty_dirs]
    assert (
        writable
        == {"explorer-app": ["/tmp"], "explorer-front-door": ["/etc/nginx/run"]}[deployment]
    )


def test_the_app_writes_its_home_to_the_writable_folder(rendered):
    home = env(only_container(rendered, "explorer-app"))["HOME"]["value"]
    assert home == "/tmp" or home.startswith("/tmp/")


@pytest.mark.parametrize("probe", ["readinessProbe", "livenessProbe"])
def test_the_app_is_probed_on_its_health_endpoint(rendered, probe):
    container = only_container(rendered, "explorer-app")
    check = container[probe]["httpGet"]
    assert check["path"] == HEALTH
    assert container_port(container, check["port"]) == 8501


@pytest.mark.parametrize("deployment", ["explorer-app", "explorer-front-door"])
def test_every_container_has_resource_requests_and_limits(rendered, deployment):
    for container in pod_spec(rendered, deployment)["containers"]:
        for bound in ("requests", "limits"):
            assert set(container["resources"][bound]) == {"cpu", "memory"}, (
                container["name"],
                bound,
            )


def test_the_cookie_secret_comes_from_a_secret_and_the_host_names_from_a_configmap(rendered):
    variables = env(only_container(rendered, "explorer-app"))
    secret = variables["STREAMLIT_SERVER_COOKIE_SECRET"]
    assert "value" not in secret
    reference = secret["valueFrom"]["secretKeyRef"]
    # The README tells the health system how to make exactly this Secret.
    readme = (ROOT / "README.md").read_text()
    assert f"kubectl create secret generic {reference['name']}" in readme
    assert f"--from-literal={reference['key']}=" in readme

    hosts = variables["STREAMLIT_SERVER_ALLOWED_HOSTS"]["valueFrom"]["configMapKeyRef"]
    settings = find(rendered, "ConfigMap", "explorer-settings")
    assert hosts["name"] == settings["metadata"]["name"]
    assert settings["data"][hosts["key"]].strip()


def test_the_app_image_is_the_one_built_from_the_dockerfile(rendered):
    assert re.fullmatch(r"disc-explorer:[\w.-]+", only_container(rendered, "explorer-app")["image"])


def test_the_front_door_reaches_the_app_pods_through_a_headless_service(rendered):
    service = find(rendered, "Service", "explorer-app")
    assert service["spec"]["clusterIP"] == "None"
    assert service["spec"]["selector"] == APP_LABELS
    assert (
        find(rendered, "Deployment", "explorer-app")["spec"]["template"]["metadata"]["labels"]
        == APP_LABELS
    )
    (port,) = service["spec"]["ports"]
    assert container_port(only_container(rendered, "explorer-app"), port["targetPort"]) == 8501
    # The upstream asks DNS for this Service's SRV records: _<port name>._tcp.<service>.<namespace>…
    template = find(rendered, "ConfigMap", "explorer-nginx")["data"]["upstream.conf.template"]
    server = re.search(r"^\s*server (\S+) (.*);", template, re.MULTILINE)
    assert server.group(1).startswith(f"{service['metadata']['name']}.${{POD_NAMESPACE}}.svc.")
    assert set(server.group(2).split()) == {f"service={port['name']}", "resolve"}
    assert port["protocol"] == "TCP"
    # Stickiness as in every other front door, over a shared zone that DNS answers can change.
    assert re.search(r"^\s*hash \$explorer_route consistent;", template, re.MULTILINE)
    assert re.search(r"^\s*zone explorer \d+k;", template, re.MULTILINE)
    assert re.search(r"^resolver \$\{NGINX_LOCAL_RESOLVERS\}", template, re.MULTILINE)


def test_the_front_door_image_is_the_one_built_from_the_dockerfile(rendered):
    """The Dockerfile's front-door stage (its nginx version and modules: test_deploy_files.py),
    tagged as the app image: its Streamlit files are that image's."""
    image = only_container(rendered, "explorer-front-door")["image"]
    app_image = only_container(rendered, "explorer-app")["image"]
    assert image == app_image.replace("disc-explorer:", "disc-explorer-front-door:")


def test_the_front_door_serves_the_shared_site_files(rendered):
    site = find(rendered, "ConfigMap", "explorer-nginx-site")
    for name in ("site.conf", "route.conf", "modules.conf"):
        assert site["data"][name] == (ROOT / "deploy" / "nginx" / name).read_text(), name
    # Loaded at nginx.conf's top level, as in every other front door.
    nginx_conf = find(rendered, "ConfigMap", "explorer-nginx")["data"]["nginx.conf"]
    assert "include explorer/modules.conf;" in nginx_conf.split("http {", 1)[0]
    container = only_container(rendered, "explorer-front-door")
    volumes = {v["name"]: v for v in pod_spec(rendered, "explorer-front-door")["volumes"]}
    mounts = {m["mountPath"]: volumes[m["name"]] for m in container["volumeMounts"]}
    assert mounts["/etc/nginx/explorer"]["configMap"]["name"] == site["metadata"]["name"]

    service = find(rendered, "Service", "explorer")
    assert service["spec"]["selector"] == FRONT_DOOR_LABELS
    listen = re.search(
        r"listen (\d+);", find(rendered, "ConfigMap", "explorer-nginx")["data"]["nginx.conf"]
    )
    (port,) = service["spec"]["ports"]
    assert container_port(container, port["targetPort"]) == int(listen.group(1))


def test_a_disruption_budget_keeps_an_app_pod_serving(rendered):
    budget = find(rendered, "PodDisruptionBudget", "explorer-app")["spec"]
    assert budget["selector"] == {"matchLabels": APP_LABELS}
    assert budget["minAvailable"] >= 1


def test_the_app_scales_on_cpu(rendered):
    autoscaler = find(rendered, "HorizontalPodAutoscaler", "explorer-app")
    assert autoscaler["apiVersion"] == "autoscaling/v2"
    spec = autoscaler["spec"]
    assert spec["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "explorer-app",
    }
    assert 2 <= spec["minReplicas"] < spec["maxReplicas"]
    (metric,) = spec["metrics"]
    assert metric["type"] == "Resource"
    assert metric["resource"]["name"] == "cpu"
    assert metric["resource"]["target"]["type"] == "Utilization"


def test_only_front_door_pods_reach_the_app_pods(rendered):
    policy = find(rendered, "NetworkPolicy", "explorer-app")["spec"]
    assert policy["podSelector"] == {"matchLabels": APP_LABELS}
    assert "Ingress" in policy["policyTypes"]
    # One rule: pods with the front door's labels in this namespace (no namespaceSelector or
    # ipBlock beside them), on the app's port only.
    (rule,) = policy["ingress"]
    assert rule["from"] == [{"podSelector": {"matchLabels": FRONT_DOOR_LABELS}}]
    assert rule["ports"] == [{"protocol": "TCP", "port": 8501}]
    front_door = find(rendered, "Deployment", "explorer-front-door")["spec"]["template"][
        "metadata"
    ]["labels"]
    assert front_door == FRONT_DOOR_LABELS != APP_LABELS


def test_the_front_door_nginx_configuration_is_valid(rendered, tmp_path):
    """The front door's files as the pod mounts them under /etc/nginx, checked by this machine's
    nginx. The upstream template filled in as the image's entrypoint does, with stand-ins:
    nginx -t reads the resolver's address but asks it nothing."""
    container = only_container(rendered, "explorer-front-door")
    variables = env(container)
    nginx = find(rendered, "ConfigMap", "explorer-nginx")["data"]
    site = find(rendered, "ConfigMap", "explorer-nginx-site")["data"]
    template = nginx["upstream.conf.template"]

    # Every variable in the template is let through the entrypoint's filter and set in the pod.
    names = set(re.findall(r"\$\{(\w+)\}", template))
    allowed = re.compile(variables["NGINX_ENVSUBST_FILTER"]["value"])
    assert names == {name for name in names if allowed.search(name)}
    assert (
        variables["NGINX_ENTRYPOINT_LOCAL_RESOLVERS"]["value"] == "1"
    )  # sets NGINX_LOCAL_RESOLVERS
    assert names - {"NGINX_LOCAL_RESOLVERS"} <= set(variables)
    assert variables["NGINX_ENVSUBST_OUTPUT_DIR"]["value"] == "/etc/nginx/run"

    stand_ins = {
        "NGINX_LOCAL_RESOLVERS": "127.0.0.1",
        "POD_NAMESPACE": "default",
        "CLUSTER_DOMAIN": "cluster.local",
    }
    upstream = re.sub(r"\$\{(\w+)\}", lambda m: stand_ins[m.group(1)], template)
    if nginx_version() < RESOLVING_NGINX:
        # Debian 12's nginx (1.22) predates `resolve` and `service=`, and would look the name up
        # now: that one line becomes a loopback server, and nginx checks everything else. The
        # line itself is held to the Service and the image's nginx version by the tests above.
        upstream, replaced = re.subn(
            r"(?m)^(\s*)server \S+ service=\w+ resolve;", r"\1server 127.0.0.1:8501;", upstream
        )
        assert replaced == 1

    (tmp_path / "explorer").mkdir()
    (tmp_path / "run").mkdir()
    for name, text in site.items():
        (tmp_path / "explorer" / name).write_text(text)
    (tmp_path / "nginx.conf").write_text(nginx["nginx.conf"])
    (tmp_path / "run" / "upstream.conf").write_text(upstream)
    check = nginx_check(tmp_path, "nginx.conf")
    assert check.returncode == 0, check.stderr
